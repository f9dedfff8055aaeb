namespace LspGlossary.Server.Cli;

/// <summary>Writes a fixed file back atomically: a temporary file beside it, then a rename over it.</summary>
public static class Fixer
{
    /// <summary>
    /// Replaces the file's content with <paramref name="bytes"/>, keeping its permissions. The original is
    /// never left half written: readers see the old or the new file. Fails (and leaves the file alone)
    /// when the file changed since it was read, judged by its length and last write time.
    /// </summary>
    public static void WriteAtomically(string path, byte[] bytes, long expectedLength, DateTime expectedWriteTimeUtc)
    {
        var info = new FileInfo(path);
        if (info.Length != expectedLength || info.LastWriteTimeUtc != expectedWriteTimeUtc)
        {
            throw new IOException("the file changed while it was being checked; it was not rewritten");
        }
        string directory = Path.GetDirectoryName(path) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.lsp-glossary-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
