using System.Text;
using LspGlossary.Core.Config;

namespace LspGlossary.Server.Cli;

/// <summary>
/// <c>lsp-glossary init</c>: writes a commented starter <c>.lsp-glossary.yaml</c> in the current folder. It never
/// overwrites: an existing config is left as it is (exit 2).
/// </summary>
public static class InitCommand
{
    public const string Usage = """
        Usage: lsp-glossary init
          Writes a commented starter project config, .lsp-glossary.yaml, in the current folder (never over an
          existing one). The editor and `lsp-glossary check` read the nearest such file to each file.
        Exit codes: 0 written, 2 usage error or the file exists.
        """;

    /// <summary>The starter config: every key, commented out, with what it does; loads as an empty config.</summary>
    public const string Starter = """
        # LspGlossary project config: read by the editor (the language server) and by `lsp-glossary check`.
        # The nearest .lsp-glossary.yaml to a file applies to it; editor settings you set, and `check --config FILE`,
        # override it. Paths and globs are relative to this file's folder. Uncomment what you need.

        # Glossary files to load besides the bundled glossary and the workspace's *.glossary.yaml files.
        # glossaryFiles: [docs/terms.glossary.yaml]

        # Where "Add to the team glossary" and "Accept as a spelling" write (default: team.glossary.yaml here).
        # teamGlossary: team.glossary.yaml

        # Which files are checked: globs ('**' crosses folders); exclude wins over include.
        # include: ["docs/**", "*.md"]
        # exclude: ["CHANGELOG.md", "third_party/**"]

        # Language ids to check (default: all): markdown, python, cpp, rust, go, yaml, ...
        # languages: [markdown, python]

        # Which language of a definition comes first in hovers: auto (the editor's), zh or en.
        # locale: auto

        # diagnostics:
        #   enable: true
        #   severity: warning          # error, warning, information or hint

        # Per rule code: off, error, warning, information or hint.
        # rules:
        #   glossary.wrong-variant: error

        # Per glossary entry id (see the glossary files): off, or the severity of that term's findings.
        # terms:
        #   lora: error
        #   moe: off
        """;

    public static int Run(string[] args, CliContext context)
    {
        foreach (var arg in args)
        {
            if (arg is "--help" or "-h")
            {
                context.Out.WriteLine(Usage);
                return CliContext.Clean;
            }
            return context.UsageError("init", $"unknown argument '{arg}'", Usage);
        }
        string path = Path.Combine(context.CurrentDirectory, ProjectConfig.FileName);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(new UTF8Encoding(false).GetBytes(Starter.ReplaceLineEndings("\n") + "\n"));
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            context.Error.WriteLine($"lsp-glossary: {ProjectConfig.FileName} already exists here; it was not changed.");
            return CliContext.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"lsp-glossary: could not write {ProjectConfig.FileName}: {e.Message}");
            return CliContext.Failure;
        }
        context.Out.WriteLine($"Wrote {ProjectConfig.FileName}: a commented starter project config.");
        return CliContext.Clean;
    }
}
