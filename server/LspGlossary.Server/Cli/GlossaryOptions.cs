using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Server.Files;
using LspGlossary.Server.State;

namespace LspGlossary.Server.Cli;

/// <summary>
/// The glossary a command uses, found as the editor finds it: the bundled files (or <c>--glossary-dir</c>),
/// the workspace glossaries (<c>**/*.glossary.yaml</c>) below the current folder, then each <c>--glossary FILE</c>.
/// </summary>
public sealed class GlossaryOptions
{
    public string? Directory { get; set; }
    public List<string> ExtraFiles { get; } = [];

    /// <summary>Reads a glossary option at args[i]; true when it was one (i then points at its value).</summary>
    public bool TryRead(string[] args, ref int i, out string? error)
    {
        error = null;
        switch (args[i])
        {
            case "--glossary-dir" or "--glossary":
                if (i + 1 >= args.Length) { error = $"{args[i]} needs a value"; return true; }
                if (args[i] == "--glossary") ExtraFiles.Add(args[++i]);
                else Directory = args[++i];
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Loads the glossary; warnings go to standard error. Null (after writing the problems, each with its
    /// file, line and column) when the glossary has errors or no terms.
    /// </summary>
    public TermMatcher? Load(CliContext context)
    {
        var store = new GlossaryStore(Directory is null ? context.BundledGlossaryDirectory : Path.GetFullPath(Directory, context.CurrentDirectory), DiskWorkspace.Instance)
        {
            WorkspaceFolders = [context.CurrentDirectory],
            ExtraFiles = ExtraFiles,
        };
        var result = store.Reload();
        // One line each, whatever the glossary file is called: control characters in the text are escaped.
        foreach (var problem in result.Problems) context.Error.WriteLine(PrintablePath.Escape(problem.ToString()));
        if (result.ErrorCount > 0)
        {
            context.Error.WriteLine($"lsp-glossary: the glossary has {result.ErrorCount} error(s); nothing was checked.");
            return null;
        }
        if (store.Glossary.Entries.Count == 0)
        {
            context.Error.WriteLine($"lsp-glossary: no glossary terms found (looked in {store.BundledDescription}).");
            return null;
        }
        return store.Matcher;
    }
}
