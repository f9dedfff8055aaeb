using System.Diagnostics;
using LspGlossary.Server.Files;

namespace LspGlossary.Tests;

/// <summary>
/// <see cref="RegularFile.Read"/> on real files of every kind: regular files, FIFOs without a writer,
/// devices behind symbolic links, sparse files larger than the limit, /proc files that claim size 0.
/// Each read that could block runs under a timeout.
/// </summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsp-glossary-regular-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string PathOf(string name) => Path.Combine(_root, name);

    /// <summary>
    /// Reads on a thread of its own (not the thread pool, which other tests running in parallel may keep busy
    /// past the time limit); fails the test instead of hanging it.
    /// </summary>
    private static RegularFileRead ReadWithin(string path, long maxBytes, int milliseconds = 5000)
    {
        var task = Task.Factory.StartNew(() => RegularFile.Read(path, maxBytes), TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(milliseconds), $"RegularFile.Read({path}) did not return within {milliseconds} ms");
        return task.Result;
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void A_regular_file_comes_back_whole_with_its_stamp()
    {
        string path = PathOf("a.md");
        File.WriteAllText(path, "LoRA and RLHF\n");
        var read = ReadWithin(path, 1024);
        Assert.True(read.IsOk, read.Message);
        Assert.Equal("LoRA and RLHF\n", System.Text.Encoding.UTF8.GetString(read.Bytes));
        Assert.Equal(14, read.Stamp.Length);
        Assert.Equal(RegularFile.StampOf(path), read.Stamp);
    }

    [Fact]
    public void An_empty_file_and_a_file_of_exactly_the_limit_are_read()
    {
        File.WriteAllBytes(PathOf("empty.md"), []);
        File.WriteAllBytes(PathOf("limit.md"), new byte[100]);
        Assert.Empty(ReadWithin(PathOf("empty.md"), 100).Bytes);
        Assert.Equal(100, ReadWithin(PathOf("limit.md"), 100).Bytes.Length);
        Assert.Equal(RegularFileError.TooLarge, ReadWithin(PathOf("limit.md"), 99).Error);
    }

    [Fact]
    public void A_fifo_without_a_writer_is_refused_at_once()
    {
        string fifo = PathOf("team.glossary.yaml");
        MakeFifo(fifo);
        var read = ReadWithin(fifo, 1024);
        Assert.Equal(RegularFileError.NotRegular, read.Error);
        Assert.Contains("FIFO", read.Message);
    }

    [Fact]
    public void A_symbolic_link_to_a_fifo_is_refused()
    {
        MakeFifo(PathOf("pipe"));
        File.CreateSymbolicLink(PathOf("link.md"), PathOf("pipe"));
        Assert.Equal(RegularFileError.NotRegular, ReadWithin(PathOf("link.md"), 1024).Error);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/dev/null")]
    public void A_symbolic_link_to_a_device_is_refused_without_reading(string device)
    {
        File.CreateSymbolicLink(PathOf("z.md"), device);
        var read = ReadWithin(PathOf("z.md"), 1024);
        Assert.Equal(RegularFileError.NotRegular, read.Error);
        Assert.Contains("character device", read.Message);
        Assert.Empty(read.Bytes);
    }

    [Fact]
    public void A_directory_is_not_regular()
    {
        Assert.Equal(RegularFileError.NotRegular, ReadWithin(_root, 1024).Error);
    }

    [Fact]
    public void A_sparse_file_larger_than_the_limit_is_refused_by_its_size_before_reading()
    {
        string path = PathOf("sparse.md");
        using (var stream = File.Create(path)) stream.SetLength(1536L << 20);
        // Counted on the reading thread only: other tests run in parallel.
        var task = Task.Factory.StartNew(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var result = RegularFile.Read(path, 16 << 20);
            return (result, GC.GetAllocatedBytesForCurrentThread() - before);
        }, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(5000), "RegularFile.Read did not return within 5 s");
        var (read, allocated) = task.Result;
        Assert.Equal(RegularFileError.TooLarge, read.Error);
        Assert.Equal("is larger than the limit of 16 MiB (1.5 GiB)", read.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated: the file was read");
    }

    [Fact]
    public void A_file_that_claims_size_0_is_still_bounded_while_reading()
    {
        // /proc files report size 0 and have content: the limit holds while reading.
        var read = ReadWithin("/proc/self/status", 10);
        Assert.Equal(RegularFileError.TooLarge, read.Error);
        Assert.Contains("more than 10 bytes", read.Message);
        Assert.True(ReadWithin("/proc/self/status", 1 << 20).Bytes.Length > 10);
    }

    [Fact]
    public void Missing_files_and_link_loops_are_errors_not_exceptions()
    {
        Assert.Equal(RegularFileError.NotFound, ReadWithin(PathOf("missing.md"), 10).Error);
        File.WriteAllText(PathOf("file"), "x");
        Assert.Equal(RegularFileError.NotFound, ReadWithin(PathOf("file/below.md"), 10).Error);
        File.CreateSymbolicLink(PathOf("loop-a"), PathOf("loop-b"));
        File.CreateSymbolicLink(PathOf("loop-b"), PathOf("loop-a"));
        var loop = ReadWithin(PathOf("loop-a"), 10);
        Assert.Equal(RegularFileError.Unreadable, loop.Error);
        Assert.NotEqual("", loop.Message);
    }

    [Fact]
    public void The_stamp_changes_when_the_file_is_appended_to()
    {
        string path = PathOf("a.md");
        File.WriteAllText(path, "one\n");
        var stamp = ReadWithin(path, 100).Stamp;
        File.AppendAllText(path, "two\n");
        Assert.False(stamp.IsSameVersion(RegularFile.StampOf(path)!.Value));
    }
}
