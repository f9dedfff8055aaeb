using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LspGlossary.Server.Files;

namespace LspGlossary.Server.Cli;

/// <summary>A file <c>--fix</c> would not rewrite, and why; reported as the file's error.</summary>
public sealed class FixRefusedException(string message) : IOException(message);

/// <summary>
/// Writes fixed files back atomically: a temporary file beside the file (its name short and of our own
/// pattern, <c>.lsp-glossary-PID-GUID.tmp</c>), written and synced with the file's owner, group and mode,
/// then a rename over it. Right before the rename the file is read again and must still be, byte for byte,
/// what was checked. A symbolic link is written through (its final target is replaced); a file with more
/// than one hard link is refused, since a rename would split the links. Before its first write into a
/// folder, a run deletes the temporaries of our pattern there whose process is gone (left by a killed run).
/// </summary>
public sealed partial class Fixer(long maxFileSize)
{
    /// <summary>Set to 1, the process stops itself (SIGSTOP) between the synced temporary and the re-check: tests use it.</summary>
    public const string StopBeforeRenameVariable = "LSP_GLOSSARY_TEST_STOP_BEFORE_RENAME";

    private readonly ConcurrentDictionary<string, bool> _cleanedDirectories = new(StringComparer.Ordinal);

    /// <summary>Replaces the file <paramref name="path"/>, read as <paramref name="original"/>, with <paramref name="bytes"/>.</summary>
    public void WriteAtomically(string path, RegularFileRead original, byte[] bytes)
    {
        string target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        if (original.Stamp.LinkCount > 1)
        {
            throw new FixRefusedException($"has {original.Stamp.LinkCount} hard links and was not rewritten (replacing it would split them); fix it by hand or break the links");
        }
        string directory = Path.GetDirectoryName(target) ?? ".";
        if (_cleanedDirectories.TryAdd(directory, true)) DeleteStaleTemporaries(directory);

        string temporary = Path.Combine(directory, $".lsp-glossary-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                KeepOwnerAndMode(stream.SafeFileHandle, original.Stamp);
                stream.Flush(flushToDisk: true);
            }
            if (Environment.GetEnvironmentVariable(StopBeforeRenameVariable) == "1" && OperatingSystem.IsLinux())
            {
                LinuxNative.Raise(LinuxNative.SIGSTOP);
            }
            var now = RegularFile.Read(target, maxFileSize);
            if (!now.IsOk || !now.Stamp.IsSameVersion(original.Stamp) || !now.Bytes.AsSpan().SequenceEqual(original.Bytes))
            {
                throw new FixRefusedException("changed while it was being checked and was not rewritten; run check again");
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    private static void KeepOwnerAndMode(Microsoft.Win32.SafeHandles.SafeFileHandle handle, FileStamp stamp)
    {
        if (OperatingSystem.IsWindows()) return;
        if (OperatingSystem.IsLinux() && stamp.Uid >= 0
            && LinuxNative.Fchown(handle.DangerousGetHandle(), (uint)stamp.Uid, (uint)stamp.Gid) != 0)
        {
            throw new FixRefusedException($"is owned by user {stamp.Uid}, group {stamp.Gid}, which this user cannot give the rewritten file; it was not rewritten");
        }
        File.SetUnixFileMode(handle, stamp.Mode); // after fchown, which clears set-user-ID and set-group-ID
    }

    /// <summary>Our temporaries, in the current and the earlier naming (<c>.NAME.lsp-glossary-PID-GUID.tmp</c>).</summary>
    [GeneratedRegex(@"^\.(?:.*\.)?lsp-glossary-(\d+)-[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();

    private static void DeleteStaleTemporaries(string directory)
    {
        try
        {
            foreach (string file in Directory.EnumerateFiles(directory, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                var match = TemporaryName().Match(Path.GetFileName(file));
                if (match.Success && int.TryParse(match.Groups[1].Value, out int pid) && !IsRunning(pid)) File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try { using var process = System.Diagnostics.Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
