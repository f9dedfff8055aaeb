namespace LspGlossary.Server.Cli;

/// <summary>
/// What a command may touch besides its arguments: its output streams, the current folder, whether the
/// streams are terminals, the folder of the bundled glossary (null: the one embedded in the binary), and how
/// to open standard input (<c>check -</c>; null: there is none). Tests pass their own.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    string CurrentDirectory,
    string? BundledGlossaryDirectory,
    bool OutIsTerminal = false,
    bool ErrorIsTerminal = false,
    Func<Stream>? OpenInput = null)
{

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public bool UseColour => OutIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Exit codes shared by the commands.</summary>
    public const int Clean = 0, Findings = 1, Failure = 2;

    /// <summary>Writes "lsp-glossary COMMAND: MESSAGE." and the usage to standard error; returns <see cref="Failure"/>.</summary>
    public int UsageError(string command, string message, string usage)
    {
        Error.WriteLine($"lsp-glossary {command}: {message}.");
        Error.WriteLine(usage);
        return Failure;
    }
}
