using System.Runtime.InteropServices;

namespace LspGlossary.Server.Files;

/// <summary>
/// The few Linux system calls .NET does not expose: open with O_NONBLOCK (a FIFO without a writer would block
/// open(2) otherwise), statx (the file type, owner, group and link count; its layout is the same on every
/// architecture), fchown, realpath, and raise (the test hook of <c>check --fix</c>).
/// </summary>
internal static partial class LinuxNative
{
    public const int O_RDONLY = 0, O_NOCTTY = 0x100, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    public const int AT_FDCWD = -100, AT_EMPTY_PATH = 0x1000, AT_SYMLINK_NOFOLLOW = 0x100;
    public const uint STATX_BASIC_STATS = 0x7ff;
    public const int ENOENT = 2, EINTR = 4, EACCES = 13, ENOTDIR = 20, EPERM = 1;
    public const int SIGSTOP = 19;

    public const ushort S_IFMT = 0xF000, S_IFREG = 0x8000, S_IFDIR = 0x4000, S_IFCHR = 0x2000, S_IFBLK = 0x6000,
        S_IFIFO = 0x1000, S_IFSOCK = 0xC000, S_IFLNK = 0xA000;

    [StructLayout(LayoutKind.Sequential)]
    public struct StatxTimestamp
    {
        public long Seconds;
        public uint Nanoseconds;
        private int _reserved;
    }

    /// <summary>struct statx (linux/stat.h), 256 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    public struct Statx
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint LinkCount;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
        private ushort _spare0;
        public ulong Inode;
        public ulong Size;
        public ulong Blocks;
        public ulong AttributesMask;
        public StatxTimestamp AccessTime;
        public StatxTimestamp BirthTime;
        public StatxTimestamp ChangeTime;
        public StatxTimestamp ModificationTime;
        public uint RdevMajor;
        public uint RdevMinor;
        public uint DevMajor;
        public uint DevMinor;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int StatxCall(int directoryFd, string path, int flags, uint mask, out Statx result);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    public static partial int Fchown(nint fd, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint RealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(nint pointer);

    [LibraryImport("libc", EntryPoint = "raise")]
    public static partial int Raise(int signal);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    /// <summary>
    /// Lowers the calling thread's scheduling priority (nice 10; on Linux a thread's own, through its thread id; elsewhere
    /// <see cref="ThreadPriority.BelowNormal"/>): background work that must not delay the threads answering requests.
    /// </summary>
    public static void LowerThisThreadsPriority()
    {
        try
        {
            if (OperatingSystem.IsLinux()) SetPriority(0 /* PRIO_PROCESS: a thread id on Linux */, GetThreadId(), 10);
            else Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or PlatformNotSupportedException or ThreadStateException)
        {
            // Not lowered: the work still runs, at normal priority.
        }
    }
}
