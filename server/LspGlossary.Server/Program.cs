using System.Text;
using LspGlossary.Server;
using LspGlossary.Server.Cli;
using LspGlossary.Server.Endpoints;

// lsp-glossary: a language server for the vocabulary of large language models, and its command line.
//   lsp-glossary [--stdio] [--glossary-dir DIR]      speak LSP over stdin/stdout
//   lsp-glossary check [options] [PATH|GLOB ...]     check files (Cli/CheckCommand)
//   lsp-glossary export prh|cspell|vale|autocorrect  the glossary for another tool (Cli/ExportCommand)
//   lsp-glossary init                                a starter .lsp-glossary.yaml (Cli/InitCommand)
//   lsp-glossary --validate-glossary [--glossary-dir DIR]
//   lsp-glossary --version
return args switch
{
    ["check", .. var rest] => RunCommand(CheckCommand.Run, rest),
    ["export", .. var rest] => RunCommand(ExportCommand.Run, rest),
    ["init", .. var rest] => RunCommand(InitCommand.Run, rest),
    _ => await ServerCommand.RunAsync(args),
};

static int RunCommand(Func<string[], CliContext, int> command, string[] args)
{
    // Buffered standard output: a run may write thousands of lines.
    using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
    var context = new CliContext(stdout, Console.Error, Directory.GetCurrentDirectory(), BundledGlossaryDirectory: null,
        OutIsTerminal: !Console.IsOutputRedirected, ErrorIsTerminal: !Console.IsErrorRedirected, OpenInput: Console.OpenStandardInput);
    return command(args, context);
}

internal static class ServerCommand
{
    private const string Usage = """
        Usage:
          lsp-glossary [--stdio] [--glossary-dir DIR]   run the language server over stdin/stdout
          lsp-glossary check [options] [PATH|GLOB ...]  check files; see lsp-glossary check --help
          lsp-glossary export FORMAT [--out DIR]        the glossary for prh, cspell, vale or autocorrect;
                                                        see lsp-glossary export --help
          lsp-glossary init                             write a commented starter .lsp-glossary.yaml here
          lsp-glossary --validate-glossary [--glossary-dir DIR]
                                                        load the glossary, print its problems (exit 2 on errors)
          lsp-glossary --version                        print the version
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? glossaryDirectory = null; // the glossary embedded in the binary
        bool validate = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stdio":
                    break;
                case "--glossary-dir" when i + 1 < args.Length:
                    glossaryDirectory = Path.GetFullPath(args[++i]);
                    break;
                case "--validate-glossary":
                    validate = true;
                    break;
                case "--version":
                    Console.WriteLine(LifecycleEndpoints.Version);
                    return 0;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"lsp-glossary: unknown argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        if (validate) return ValidateGlossary(glossaryDirectory);
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        return await LanguageServer.RunAsync(stdin, stdout, Console.Error, glossaryDirectory);
    }

    private static int ValidateGlossary(string? directory)
    {
        var store = new LspGlossary.Server.State.GlossaryStore(directory, LspGlossary.Server.Files.DiskWorkspace.Instance);
        var problems = store.Reload().Problems;
        foreach (var problem in problems) Console.Error.WriteLine(problem);
        int errors = problems.Count(p => p.Severity == LspGlossary.Core.Glossary.ProblemSeverity.Error);
        Console.WriteLine($"{store.Glossary.Entries.Count} terms in {store.BundledDescription}: {errors} errors, {problems.Count - errors} warnings");
        return errors > 0 || store.Glossary.Entries.Count == 0 ? 2 : 0;
    }
}
