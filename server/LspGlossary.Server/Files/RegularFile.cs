using Microsoft.Win32.SafeHandles;
using static LspGlossary.Server.Files.LinuxNative;

namespace LspGlossary.Server.Files;

/// <summary>Why a file could not be read: it is not there, not a regular file, too large, or unreadable.</summary>
public enum RegularFileError { None, NotFound, NotRegular, TooLarge, Unreadable }

/// <summary>
/// What a file was when it was read: enough to notice that it changed since (device, inode, length,
/// modification time) and to write it back with the same owner, group and mode. Uid and Gid are -1 and
/// Device and Inode 0 where the platform does not tell (not Linux).
/// </summary>
public readonly record struct FileStamp(ulong Device, ulong Inode, long Length, long ModifiedTicks, long Uid, long Gid, uint LinkCount, UnixFileMode Mode)
{
    public bool IsSameVersion(FileStamp other) =>
        Device == other.Device && Inode == other.Inode && Length == other.Length && ModifiedTicks == other.ModifiedTicks;
}

/// <summary>The outcome of <see cref="RegularFile.Read"/>: the bytes and the file's stamp, or an error and a message.</summary>
public sealed record RegularFileRead(RegularFileError Error, string Message, byte[] Bytes, FileStamp Stamp)
{
    public bool IsOk => Error == RegularFileError.None;

    public static RegularFileRead Failed(RegularFileError error, string message) => new(error, message, [], default);
}

/// <summary>
/// Reads regular files only, and at most a given size. Symbolic links are followed to learn the final
/// target's type (a link to <c>/dev/zero</c> is <see cref="RegularFileError.NotRegular"/>). On Linux the
/// type is checked with statx before opening (opening some devices acts), the file is opened with
/// O_NONBLOCK (a FIFO swapped in meanwhile cannot block the open) and checked again on the open descriptor.
/// The size limit is decided from the file's size before reading, and again while reading (at most
/// <c>maxBytes + 1</c> bytes are read: /proc files claim size 0). Never throws for a file it cannot read.
/// </summary>
public static class RegularFile
{
    public static RegularFileRead Read(string path, long maxBytes)
    {
        maxBytes = Math.Clamp(maxBytes, 0, Array.MaxLength - 1); // the bytes are held in one array
        try
        {
            return OperatingSystem.IsLinux() ? ReadOnLinux(path, maxBytes) : ReadPortably(path, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return RegularFileRead.Failed(e is FileNotFoundException or DirectoryNotFoundException ? RegularFileError.NotFound : RegularFileError.Unreadable, Describe(e));
        }
    }

    /// <summary>The stamp of the file a path names now (links followed), or null when it cannot be had.</summary>
    public static FileStamp? StampOf(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return StatxCall(AT_FDCWD, path, 0, STATX_BASIC_STATS, out var status) == 0 ? ToStamp(status) : null;
        }
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) info = target;
            return info.Exists ? PortableStamp(info) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// The absolute path with every symbolic link and "." or ".." resolved (realpath(3) on Linux; elsewhere the
    /// full path with its last link resolved). Null when the file does not exist.
    /// </summary>
    public static string? CanonicalPath(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            nint resolved = RealPath(path, 0);
            if (resolved == 0) return null;
            try { return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(resolved); }
            finally { Free(resolved); }
        }
        try
        {
            var info = new FileInfo(Path.GetFullPath(path));
            if (info.LinkTarget is not null) return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            return info.Exists || Directory.Exists(info.FullName) ? info.FullName : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return null; }
    }

    /// <summary>"1.5 GiB", "16 MiB", "812 bytes".</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };

    private static RegularFileRead ReadOnLinux(string path, long maxBytes)
    {
        if (StatxCall(AT_FDCWD, path, 0, STATX_BASIC_STATS, out var before) != 0) return FromErrno(System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
        if (CheckType(before.Mode, (long)before.Size, maxBytes) is { } early) return early;

        int fd;
        do fd = Open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        while (fd < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == EINTR);
        if (fd < 0) return FromErrno(System.Runtime.InteropServices.Marshal.GetLastPInvokeError());

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (StatxCall(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, out var opened) != 0) return FromErrno(System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
        if (CheckType(opened.Mode, (long)opened.Size, maxBytes) is { } late) return late;
        return ReadBounded(handle, (long)opened.Size, maxBytes, ToStamp(opened));
    }

    private static RegularFileRead ReadPortably(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            if (target is not FileInfo targetFile) return RegularFileRead.Failed(RegularFileError.NotRegular, "is a directory, not a regular file");
            info = targetFile;
        }
        if (Directory.Exists(info.FullName)) return RegularFileRead.Failed(RegularFileError.NotRegular, "is a directory, not a regular file");
        if (!info.Exists) return RegularFileRead.Failed(RegularFileError.NotFound, "no such file or directory");
        if (info.Length > maxBytes) return TooLarge(info.Length, maxBytes);
        using var handle = File.OpenHandle(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return ReadBounded(handle, info.Length, maxBytes, PortableStamp(info));
    }

    private static RegularFileRead ReadBounded(SafeFileHandle handle, long claimedSize, long maxBytes, FileStamp stamp)
    {
        // Read at most maxBytes + 1: one byte more than allowed proves the file is too large.
        long limit = maxBytes + 1;
        var buffer = new byte[(int)Math.Min(Math.Max(claimedSize + 1, 4096), Math.Min(limit, Array.MaxLength))];
        long total = 0;
        while (total < limit)
        {
            if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(Math.Min((long)buffer.Length * 2, limit), Array.MaxLength));
            int read = RandomAccess.Read(handle, buffer.AsSpan((int)total), total);
            if (read == 0) break;
            total += read;
        }
        if (total > maxBytes) return TooLarge(total, maxBytes, atLeast: true);
        Array.Resize(ref buffer, (int)total);
        return new RegularFileRead(RegularFileError.None, "", buffer, stamp);
    }

    private static RegularFileRead? CheckType(ushort mode, long size, long maxBytes)
    {
        string? kind = (mode & S_IFMT) switch
        {
            S_IFREG => null,
            S_IFDIR => "a directory",
            S_IFIFO => "a FIFO (named pipe)",
            S_IFCHR => "a character device",
            S_IFBLK => "a block device",
            S_IFSOCK => "a socket",
            _ => "not a regular file",
        };
        if (kind is not null) return RegularFileRead.Failed(RegularFileError.NotRegular, $"is {kind}, not a regular file");
        return size > maxBytes ? TooLarge(size, maxBytes) : null;
    }

    private static RegularFileRead TooLarge(long size, long maxBytes, bool atLeast = false) =>
        RegularFileRead.Failed(RegularFileError.TooLarge,
            $"is larger than the limit of {FormatSize(maxBytes)} ({(atLeast ? "more than " + FormatSize(maxBytes) : FormatSize(size))})");

    private static RegularFileRead FromErrno(int errno) => errno switch
    {
        ENOENT or ENOTDIR => RegularFileRead.Failed(RegularFileError.NotFound, "no such file or directory"),
        EACCES or EPERM => RegularFileRead.Failed(RegularFileError.Unreadable, "permission denied"),
        _ => RegularFileRead.Failed(RegularFileError.Unreadable, System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)),
    };

    private static FileStamp ToStamp(Statx s) => new(
        ((ulong)s.DevMajor << 32) | s.DevMinor, s.Inode, (long)s.Size,
        s.ModificationTime.Seconds * TimeSpan.TicksPerSecond + s.ModificationTime.Nanoseconds / 100,
        s.Uid, s.Gid, s.LinkCount, (UnixFileMode)(s.Mode & 0xFFF));

    private static FileStamp PortableStamp(FileInfo info) => new(
        0, 0, info.Length, info.LastWriteTimeUtc.Ticks, -1, -1, 1, OperatingSystem.IsWindows() ? default : info.UnixFileMode);

    private static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        _ => e.Message,
    };
}
