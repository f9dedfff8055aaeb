using LspGlossary.Core.Glossary;

namespace LspGlossary.Server.Cli;

/// <summary><c>lsp-glossary export prh</c>: the glossary's wrong spellings as a prh dictionary on standard output.</summary>
public static class ExportCommand
{
    public const string Usage = """
        Usage: lsp-glossary export prh [--glossary FILE] [--glossary-dir DIR]
          Writes the glossary's wrong spellings as a prh dictionary (YAML) for textlint-rule-prh.
        """;

    public static int Run(string[] args, CliContext context)
    {
        var glossary = new GlossaryOptions();
        if (args.Length == 0 || args[0] != "prh") return UsageError(context, args.Length == 0 ? "name a format" : $"unknown format '{args[0]}'");
        for (int i = 1; i < args.Length; i++)
        {
            if (!glossary.TryRead(args, ref i, out var error)) return UsageError(context, $"unknown argument '{args[i]}'");
            if (error is not null) return UsageError(context, error);
        }
        var matcher = glossary.Load(context);
        if (matcher is null) return CliContext.Failure;
        context.Out.Write(PrhExport.Create(matcher.Glossary));
        return CliContext.Clean;
    }

    private static int UsageError(CliContext context, string message) => context.UsageError("export", message, Usage);
}
