using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LspGlossary.Core.Glossary;

/// <summary>The entries a glossary file yields, and the problems found in it.</summary>
public sealed record GlossaryFileResult(string File, IReadOnlyList<GlossaryEntry> Entries, IReadOnlyList<GlossaryProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// Reads one glossary YAML file into entries. It never throws: syntax errors, unknown fields, missing
/// fields and wrong types become positioned problems. Only plain data is read: YAML tags never construct
/// objects (the representation model keeps scalars as text), and the walk follows the fixed shape of the
/// format, so aliases cannot make it loop or grow.
/// </summary>
public static class GlossaryFileParser
{
    /// <summary>Files larger than this are refused; the bundled glossary is far smaller.</summary>
    public const int MaxFileChars = 2_000_000;

    /// <summary>Deeper nesting than the format needs is refused before the document is built.</summary>
    public const int MaxNesting = 32;

    /// <summary>The format needs no aliases; a few are tolerated, many are refused.</summary>
    public const int MaxAliases = 100;

    /// <summary>
    /// Items one list may hold, and list items one file may yield in all. A YAML alias shares a node, so 100
    /// aliases of one long list would otherwise expand to 100 copies of it; these bound what a file expands to.
    /// </summary>
    public const int MaxListItems = 256;
    public const int MaxListItemsPerFile = 50_000;

    /// <summary>Problems reported for one file; the rest are counted in one last problem.</summary>
    public const int MaxProblems = 100;

    /// <summary>How many list items this file may still yield.</summary>
    private sealed class Budget
    {
        public int ListItemsLeft = MaxListItemsPerFile;
    }

    private static readonly HashSet<string> EntryFields =
    [
        "id", "term", "expansion", "zh", "aliases", "variants", "exceptions", "category", "definition", "related",
        "references", "note", "disabled",
    ];

    private static readonly HashSet<string> ReferenceFields = ["title", "year", "arxiv", "url"];

    public static readonly IReadOnlyList<string> Categories =
        ["training", "model", "inference", "prompting", "evaluation", "safety", "product", "general"];

    public static GlossaryFileResult Parse(string text, string file)
    {
        var result = ParseAll(text, file);
        if (result.Problems.Count <= MaxProblems) return result;
        var kept = result.Problems.Take(MaxProblems).ToList();
        kept.Add(new(new(file, 1, 1), $"{result.Problems.Count - MaxProblems} more problems in this file are not shown."));
        return result with { Problems = kept };
    }

    private static GlossaryFileResult ParseAll(string text, string file)
    {
        var budget = new Budget();
        var problems = new List<GlossaryProblem>();
        var entries = new List<GlossaryEntry>();
        if (text.Length > MaxFileChars)
        {
            problems.Add(new(new(file, 1, 1), $"The file is larger than {MaxFileChars} characters and was not read."));
            return new(file, entries, problems);
        }

        if (SafeYaml.Load(text, file, MaxNesting, MaxAliases, problems) is not { } stream) return new(file, entries, problems);

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new(file, entries, problems);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(Problem(file, stream.Documents[0].RootNode, "The file must be a mapping with a 'terms' list."));
            return new(file, entries, problems);
        }

        foreach (var (key, value) in root.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (name == "terms")
            {
                if (value is YamlSequenceNode list)
                {
                    foreach (var item in list.Children)
                    {
                        var entry = ReadEntry(item, file, problems, budget);
                        if (entry is not null) entries.Add(entry);
                    }
                }
                else if (!(value is YamlScalarNode { Value: null or "" }))
                {
                    problems.Add(Problem(file, value, "'terms' must be a list of entries."));
                }
            }
            else
            {
                problems.Add(Problem(file, key, $"Unknown top-level field '{Token(name)}'; the only one is 'terms'."));
            }
        }
        return new(file, entries, problems);
    }

    private static GlossaryEntry? ReadEntry(YamlNode node, string file, List<GlossaryProblem> problems, Budget budget)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(file, node, "Each entry of 'terms' must be a mapping."));
            return null;
        }

        string? id = null, term = null, expansion = null, category = null, zh = null, en = null, note = null;
        bool disabled = false;
        YamlNode? idNode = null, termNode = null;
        List<string> chinese = [], aliases = [], variants = [], exceptions = [], related = [];
        List<GlossaryReference> references = [];

        foreach (var (key, value) in map.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            switch (name)
            {
                case "id": id = Scalar(file, value, name, problems); idNode = value; break;
                case "term": term = Scalar(file, value, name, problems); termNode = value; break;
                case "expansion": expansion = Scalar(file, value, name, problems); break;
                case "category": category = Scalar(file, value, name, problems); break;
                case "note": note = Scalar(file, value, name, problems); break;
                case "zh": chinese = StringList(file, value, name, problems, budget); break;
                case "aliases": aliases = StringList(file, value, name, problems, budget); break;
                case "variants": variants = StringList(file, value, name, problems, budget); break;
                case "exceptions": exceptions = StringList(file, value, name, problems, budget); break;
                case "related": related = StringList(file, value, name, problems, budget); break;
                case "disabled":
                    string? flag = Scalar(file, value, name, problems);
                    if (bool.TryParse(flag, out bool parsed)) disabled = parsed;
                    else if (flag is not null) problems.Add(Problem(file, value, "'disabled' must be true or false."));
                    break;
                case "definition":
                    (zh, en) = ReadDefinition(file, value, problems);
                    break;
                case "references":
                    references = ReadReferences(file, value, problems, budget);
                    break;
                default:
                    problems.Add(Problem(file, key, $"Unknown field '{Token(name)}'. Known fields: {string.Join(", ", EntryFields)}."));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(Problem(file, map, "The entry has no 'id'."));
            return null;
        }
        if (!IsValidId(id))
        {
            problems.Add(Problem(file, map, $"The id '{Token(id)}' must be lower-case letters, digits and '-', starting with a letter or digit."));
        }
        if (category is not null && !Categories.Contains(category))
        {
            problems.Add(Problem(file, map, $"Unknown category '{Token(category)}'. Use one of: {string.Join(", ", Categories)}."));
        }

        return new GlossaryEntry
        {
            Id = id,
            Term = term ?? "",
            Expansion = expansion,
            ChineseNames = chinese,
            Aliases = aliases,
            Variants = variants,
            Exceptions = exceptions,
            Category = category ?? "",
            DefinitionZh = zh,
            DefinitionEn = en,
            Related = related,
            References = references,
            Note = note,
            Disabled = disabled,
            Source = Location(file, map),
            Extent = Span(map),
            NameSpan = Span(string.IsNullOrWhiteSpace(term) ? idNode! : termNode!),
        };
    }

    public static bool IsValidId(string id) =>
        id.Length > 0 && id[0] != '-' && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static (string? Zh, string? En) ReadDefinition(string file, YamlNode node, List<GlossaryProblem> problems)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(file, node, "'definition' must be a mapping with 'zh' and 'en'."));
            return (null, null);
        }
        string? zh = null, en = null;
        foreach (var (key, value) in map.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (name == "zh") zh = Scalar(file, value, "definition.zh", problems);
            else if (name == "en") en = Scalar(file, value, "definition.en", problems);
            else problems.Add(Problem(file, key, $"Unknown field 'definition.{Token(name)}'; use 'zh' and 'en'."));
        }
        return (zh, en);
    }

    private static List<GlossaryReference> ReadReferences(string file, YamlNode node, List<GlossaryProblem> problems, Budget budget)
    {
        var result = new List<GlossaryReference>();
        if (node is not YamlSequenceNode list)
        {
            problems.Add(Problem(file, node, "'references' must be a list."));
            return result;
        }
        if (list.Children.Count > MaxListItems || list.Children.Count > budget.ListItemsLeft)
        {
            problems.Add(Problem(file, node, $"'references' has {list.Children.Count} items; at most {MaxListItems} are allowed, {MaxListItemsPerFile} list items per file."));
            return result;
        }
        budget.ListItemsLeft -= list.Children.Count;
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                problems.Add(Problem(file, item, "Each reference must be a mapping with a 'title'."));
                continue;
            }
            string? title = null, arxiv = null, url = null;
            int? year = null;
            foreach (var (key, value) in map.Children)
            {
                string name = (key as YamlScalarNode)?.Value ?? "";
                switch (name)
                {
                    case "title": title = Scalar(file, value, "title", problems); break;
                    case "arxiv": arxiv = Scalar(file, value, "arxiv", problems); break;
                    case "url": url = Scalar(file, value, "url", problems); break;
                    case "year":
                        string? text = Scalar(file, value, "year", problems);
                        if (int.TryParse(text, out int parsed)) year = parsed;
                        else if (text is not null) problems.Add(Problem(file, value, "'year' must be a number."));
                        break;
                    default:
                        problems.Add(Problem(file, key, $"Unknown field '{Token(name)}' in a reference. Known fields: {string.Join(", ", ReferenceFields)}."));
                        break;
                }
            }
            if (title is null) problems.Add(Problem(file, map, "A reference needs a 'title'."));
            else result.Add(new GlossaryReference(title, year, arxiv, url));
        }
        return result;
    }

    private static string? Scalar(string file, YamlNode node, string field, List<GlossaryProblem> problems)
    {
        if (node is YamlScalarNode scalar) return scalar.Value;
        problems.Add(Problem(file, node, $"'{field}' must be a single value."));
        return null;
    }

    private static List<string> StringList(string file, YamlNode node, string field, List<GlossaryProblem> problems, Budget budget)
    {
        var result = new List<string>();
        if (node is YamlScalarNode single)
        {
            // A single string is accepted where a list is expected: `zh: 低秩适配`.
            if (!string.IsNullOrEmpty(single.Value)) result.Add(single.Value);
            return result;
        }
        if (node is not YamlSequenceNode list)
        {
            problems.Add(Problem(file, node, $"'{field}' must be a list of strings."));
            return result;
        }
        if (list.Children.Count > MaxListItems)
        {
            problems.Add(Problem(file, node, $"'{field}' has {list.Children.Count} items; at most {MaxListItems} are allowed."));
            return result;
        }
        if (list.Children.Count > budget.ListItemsLeft)
        {
            if (budget.ListItemsLeft >= 0) problems.Add(Problem(file, node, $"The file's lists hold more than {MaxListItemsPerFile} items in all (aliases count each time they are used); the rest were not read."));
            budget.ListItemsLeft = -1;
            return result;
        }
        budget.ListItemsLeft -= list.Children.Count;
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value }) result.Add(value);
            else problems.Add(Problem(file, item, $"Each item of '{field}' must be a non-empty string."));
        }
        return result;
    }

    /// <summary>A token of the file as a problem quotes it: never more than 40 characters of it.</summary>
    private static string Token(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static SourceLocation Location(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static Text.TextSpan Span(YamlNode node) => Text.TextSpan.FromBounds((int)node.Start.Index, (int)Math.Max(node.Start.Index, LastEnd(node, 0)));

    /// <summary>
    /// Where a node's last scalar ends. YamlDotNet's model ends a mapping or sequence where it starts, so its end is
    /// its last child's (one path down, never a walk of the tree: aliases may share nodes many times); a flow
    /// collection's closing bracket is not counted. An alias points back, so its key's end is taken instead.
    /// </summary>
    private static long LastEnd(YamlNode node, int depth)
    {
        if (depth > MaxNesting) return node.End.Index;
        switch (node)
        {
            case YamlMappingNode { Children.Count: > 0 } map:
                var (key, value) = map.Children.Last();
                return Math.Max(key.End.Index, LastEnd(value, depth + 1));
            case YamlSequenceNode { Children.Count: > 0 } list:
                return Math.Max(list.Start.Index, LastEnd(list.Children[^1], depth + 1));
            default:
                return node.End.Index;
        }
    }

    private static GlossaryProblem Problem(string file, YamlNode node, string message) => new(Location(file, node), message);
}
