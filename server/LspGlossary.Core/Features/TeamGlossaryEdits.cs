using System.Text;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;
using YamlDotNet.RepresentationModel;

namespace LspGlossary.Core.Features;

/// <summary>
/// One edit of the team glossary file: the replacement in its text (an insertion, mostly), the text it gives, and
/// for a new entry the span of its definition's placeholder inside <see cref="TextReplacement.NewText"/> (where a
/// client that takes snippets puts the cursor).
/// </summary>
public sealed record TeamGlossaryEdit(TextReplacement Replacement, string NewFileText, TextSpan? Placeholder = null);

/// <summary>
/// The team glossary as the quick fixes that write it see it: its text (null while the file does not exist) and the
/// positions of its YAML nodes. <see cref="Read"/> refuses a file that does not parse or is too large, so no edit is
/// ever built on a file the glossary could not load.
/// </summary>
public sealed class TeamGlossaryFile
{
    /// <summary>The file's name at the root of a workspace folder, unless configured otherwise.</summary>
    public const string DefaultFileName = "team.glossary.yaml";

    /// <summary>The largest team glossary that quick fixes edit (characters; the server reads at most 4 MB).</summary>
    public const int MaxChars = GlossaryFileParser.MaxFileChars;

    private TeamGlossaryFile(string path, string? text, YamlMappingNode? root)
    {
        Path = path;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    /// <summary>The file's text; null when the file does not exist yet (the edit creates it).</summary>
    public string? Text { get; }

    public bool Exists => Text is not null;

    /// <summary>The document's root mapping, or null for an absent or empty file.</summary>
    internal YamlMappingNode? Root { get; }

    /// <summary>
    /// The team glossary of a workspace folder (the one place that decides it): the project config's <c>teamGlossary</c>
    /// (<paramref name="configured"/>, relative to <paramref name="configFolder"/>) when it lies inside the folder, else
    /// <see cref="DefaultFileName"/> at the folder's root.
    /// </summary>
    public static string TeamGlossaryPath(string workspaceFolder, string? configured = null, string? configFolder = null)
    {
        if (configured is { Length: > 0 } && configFolder is not null)
        {
            string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(configFolder, configured));
            if (Workspace.FolderPaths.IsUnder(path, workspaceFolder)) return path;
        }
        return System.IO.Path.Combine(workspaceFolder, DefaultFileName);
    }

    /// <summary>
    /// Reads the team glossary's text (null: no such file). Returns null, with the reason in <paramref name="refusal"/>,
    /// when quick fixes must not edit it: too large, not valid YAML, or with errors of the glossary format.
    /// </summary>
    public static TeamGlossaryFile? Read(string path, string? text, out string? refusal)
    {
        refusal = null;
        if (text is null) return new TeamGlossaryFile(path, null, null);
        if (text.Length > MaxChars)
        {
            refusal = $"{path} is larger than {MaxChars} characters; quick fixes do not edit it.";
            return null;
        }
        var parsed = GlossaryFileParser.Parse(text, path);
        if (parsed.HasErrors)
        {
            refusal = $"{path} has errors ({parsed.Problems.First(p => p.Severity == ProblemSeverity.Error)}); quick fixes do not edit it until it loads.";
            return null;
        }
        // The parser accepted the file, so its shape is bounded (nesting, aliases); the model gives the nodes' positions.
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        return new TeamGlossaryFile(path, text, root);
    }

    /// <summary>The mapping of the first entry with this id in the file (the one the glossary uses), or null.</summary>
    internal YamlMappingNode? EntryNode(string id)
    {
        if (TermsNode() is not YamlSequenceNode terms) return null;
        foreach (var item in terms.Children)
        {
            if (item is YamlMappingNode map && ValueOf(map, "id") is YamlScalarNode { Value: { } value } && value == id) return map;
        }
        return null;
    }

    internal YamlNode? TermsNode() => Root is null ? null : ValueOf(Root, "terms");

    internal static YamlScalarNode? KeyOf(YamlMappingNode map, string key) =>
        map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key);

    internal static YamlNode? ValueOf(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key) return v;
        }
        return null;
    }
}

/// <summary>
/// The edits of the team glossary that quick fixes make: accept a spelling (an alias), disable an entry, add a stub
/// entry for a new term. Each is the smallest change to the text as it is — comments, quoting, flow or block lists,
/// CRLF line breaks and a missing last line break are kept — written in the bundled files' style (two-space
/// indentation, <c>- id:</c> items), and checked: the new text must parse without errors and hold the intended entry,
/// else no edit is offered.
/// </summary>
public static class TeamGlossaryEdits
{
    /// <summary>Adds <paramref name="spelling"/> to the aliases of <paramref name="entry"/> (an entry of the glossary in use).</summary>
    public static TeamGlossaryEdit? AcceptSpelling(TeamGlossaryFile file, GlossaryEntry entry, string spelling)
    {
        string item = Rename.YamlScalar(spelling);
        TeamGlossaryEdit? edit;
        if (file.EntryNode(entry.Id) is { } existing)
        {
            edit = TeamGlossaryFile.ValueOf(existing, "aliases") is { } aliases
                ? AppendToList(file, existing, aliases, item)
                : AddKey(file, existing, "aliases", FlowList(entry.Aliases.Append(spelling)));
        }
        else
        {
            // An overlay: its aliases replace the earlier file's, so the list keeps the aliases the entry has now.
            edit = AppendEntry(file, [("id", entry.Id), ("aliases", FlowList(entry.Aliases.Append(spelling)))]);
        }
        return Checked(file, edit, e => e.Id == entry.Id && e.Aliases.Contains(spelling, StringComparer.Ordinal));
    }

    /// <summary>Sets <c>disabled: true</c> for the entry <paramref name="id"/> (an overlay entry when the file has none).</summary>
    public static TeamGlossaryEdit? Disable(TeamGlossaryFile file, string id)
    {
        TeamGlossaryEdit? edit;
        if (file.EntryNode(id) is { } existing)
        {
            edit = TeamGlossaryFile.ValueOf(existing, "disabled") is YamlScalarNode flag
                ? Replace(file, Span(flag), "true")
                : AddKey(file, existing, "disabled", "true");
        }
        else
        {
            edit = AppendEntry(file, [("id", id), ("disabled", "true")]);
        }
        return Checked(file, edit, e => e.Id == id && e.Disabled);
    }

    /// <summary>The placeholder written as a new entry's English definition (the cursor lands on it).</summary>
    public static string PlaceholderFor(string term) => $"TODO: what {term} means";

    /// <summary>
    /// A stub entry for a new term: id (the term in lower case; <c>-2</c>… when taken by <paramref name="glossary"/> or
    /// the file), term, category general and a placeholder definition. Null when the term makes no valid id.
    /// </summary>
    public static TeamGlossaryEdit? AddTerm(TeamGlossaryFile file, string term, Glossary.Glossary glossary)
    {
        if (NewId(file, term, glossary) is not { } id) return null;
        string placeholder = PlaceholderFor(term);
        var edit = AppendEntry(file, [("id", id), ("term", Rename.YamlScalar(term)), ("category", "general"), ("definition", $"{{ en: \"{placeholder}\" }}")]);
        if (edit is not null)
        {
            int at = edit.Replacement.NewText.LastIndexOf(placeholder, StringComparison.Ordinal);
            edit = edit with { Placeholder = new TextSpan(at, placeholder.Length) };
        }
        return Checked(file, edit, e => e.Id == id && e.Term == term && e.DefinitionEn == placeholder);
    }

    /// <summary>The id of a new term's entry, or null when the term gives none (it must be letters, digits and '-').</summary>
    public static string? NewId(TeamGlossaryFile file, string term, Glossary.Glossary glossary)
    {
        string id = term.Trim().ToLowerInvariant().Replace(' ', '-');
        if (!GlossaryFileParser.IsValidId(id)) return null;
        for (int n = 1; n < 10; n++)
        {
            string candidate = n == 1 ? id : $"{id}-{n}";
            if (glossary.Find(candidate) is null && file.EntryNode(candidate) is null) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The text of a snippet that inserts <paramref name="text"/> with <paramref name="placeholder"/> as its first tab
    /// stop (<c>$</c>, <c>}</c> and <c>\</c> escaped, as the snippet grammar asks).
    /// </summary>
    public static string Snippet(string text, TextSpan placeholder) =>
        EscapeSnippet(text[..placeholder.Start]) + "${1:" + EscapeSnippet(text.Substring(placeholder.Start, placeholder.Length)) + "}"
        + EscapeSnippet(text[placeholder.End..]);

    private static string EscapeSnippet(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '$' or '}' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>The edit, when the text it gives parses without errors and holds an entry <paramref name="intended"/> accepts.</summary>
    private static TeamGlossaryEdit? Checked(TeamGlossaryFile file, TeamGlossaryEdit? edit, Func<GlossaryEntry, bool> intended)
    {
        if (edit is null) return null;
        var parsed = GlossaryFileParser.Parse(edit.NewFileText, file.Path);
        return !parsed.HasErrors && parsed.Entries.Any(intended) ? edit : null;
    }

    private static string FlowList(IEnumerable<string> items) => "[" + string.Join(", ", items.Distinct(StringComparer.Ordinal).Select(Rename.YamlScalar)) + "]";

    /// <summary>A new item of the <c>terms</c> list, after the last one (the list, or the file, is created when absent).</summary>
    private static TeamGlossaryEdit? AppendEntry(TeamGlossaryFile file, IReadOnlyList<(string Key, string Value)> fields)
    {
        string text = file.Text ?? "";
        string newline = NewLineOf(text);
        switch (file.TermsNode())
        {
            case null when file.Root is null:
            {
                // No file, an empty one, or one of comments only: the list starts at the end.
                string lead = text.Length == 0 || text.EndsWith('\n') ? "" : newline;
                return Insert(file, text.Length, lead + "terms:" + newline + BlockEntry(fields, 2, newline));
            }
            case YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } flow:
            {
                if (flow.Children.Count > 0)
                {
                    string entry = "{ " + string.Join(", ", fields.Select(f => $"{f.Key}: {f.Value}")) + " }";
                    int end = FlowEnd(text, flow);
                    return end < 0 ? null : Insert(file, end - 1, ", " + entry);
                }
                // terms: [] becomes a block list.
                int close = text.IndexOf(']', (int)flow.Start.Index);
                var key = TeamGlossaryFile.KeyOf(file.Root!, "terms")!;
                int colon = text.IndexOf(':', (int)key.End.Index);
                if (close < 0 || colon < 0 || colon > close) return null;
                string block = BlockEntry(fields, Column(key) + 2, newline);
                return Replace(file, TextSpan.FromBounds(colon + 1, close + 1), newline + block[..^newline.Length]);
            }
            case YamlSequenceNode { Children.Count: > 0 } list:
            {
                int dash = Column(list);
                return Insert(file, LineAfter(text, End(list), out string lead), lead + BlockEntry(fields, dash, newline, Column(list.Children[0]) - dash));
            }
            case YamlScalarNode { Value: null or "" }:
            {
                // "terms:" with nothing after it.
                var key = TeamGlossaryFile.KeyOf(file.Root!, "terms")!;
                return Insert(file, LineAfter(text, (int)key.End.Index, out string lead), lead + BlockEntry(fields, Column(key) + 2, newline));
            }
            default:
                return null;
        }
    }

    /// <summary>An entry as block lines: <c>- key: value</c>, then the other keys under the first.</summary>
    private static string BlockEntry(IReadOnlyList<(string Key, string Value)> fields, int dashColumn, string newline, int keyOffset = 2)
    {
        var entry = new StringBuilder();
        for (int i = 0; i < fields.Count; i++)
        {
            entry.Append(i == 0 ? new string(' ', dashColumn) + "-" + new string(' ', Math.Max(1, keyOffset - 1)) : new string(' ', dashColumn + Math.Max(2, keyOffset)));
            entry.Append(fields[i].Key).Append(": ").Append(fields[i].Value).Append(newline);
        }
        return entry.ToString();
    }

    /// <summary>A new key of an entry, after its last one.</summary>
    private static TeamGlossaryEdit? AddKey(TeamGlossaryFile file, YamlMappingNode entry, string key, string value)
    {
        string text = file.Text!;
        if (entry.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            int close = FlowEnd(text, entry);
            return close < 0 ? null : Insert(file, close - 1, $", {key}: {value}");
        }
        return Insert(file, LineAfter(text, End(entry), out string lead), lead + new string(' ', Column(entry)) + $"{key}: {value}" + NewLineOf(text));
    }

    /// <summary>Adds an item to a list value of an entry: block or flow list, a single string, or an empty value.</summary>
    private static TeamGlossaryEdit? AppendToList(TeamGlossaryFile file, YamlMappingNode entry, YamlNode list, string item)
    {
        string text = file.Text!;
        switch (list)
        {
            case YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } flow:
            {
                int close = FlowEnd(text, flow);
                if (close < 0) return null;
                return Insert(file, close - 1, flow.Children.Count > 0 ? ", " + item : item);
            }
            case YamlSequenceNode { Children.Count: > 0 } block:
                return Insert(file, LineAfter(text, End(block), out string lead), lead + new string(' ', Column(block)) + "- " + item + NewLineOf(text));
            case YamlScalarNode { Value: null or "" }:
            {
                var key = TeamGlossaryFile.KeyOf(entry, "aliases")!;
                int colon = text.IndexOf(':', (int)key.End.Index);
                return colon < 0 ? null : Insert(file, colon + 1, $" [{item}]");
            }
            case YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded) } single:
            {
                var span = Span(single);
                return Replace(file, span, "[" + text.Substring(span.Start, span.Length) + ", " + item + "]");
            }
            default:
                return null;
        }
    }

    private static TeamGlossaryEdit Insert(TeamGlossaryFile file, int at, string newText) => Replace(file, new TextSpan(at, 0), newText);

    private static TeamGlossaryEdit Replace(TeamGlossaryFile file, TextSpan span, string newText)
    {
        string text = file.Text ?? "";
        return new TeamGlossaryEdit(new TextReplacement(span, newText), string.Concat(text.AsSpan(0, span.Start), newText, text.AsSpan(span.End)));
    }

    /// <summary>Where the line after the one that holds the character before <paramref name="end"/> starts; at the end of a text without a last line break, <paramref name="lead"/> is that break.</summary>
    private static int LineAfter(string text, int end, out string lead)
    {
        lead = "";
        if (end > 0 && end <= text.Length && text[end - 1] == '\n') return end;
        int lineBreak = text.IndexOf('\n', Math.Min(end, text.Length));
        if (lineBreak >= 0) return lineBreak + 1;
        lead = NewLineOf(text);
        return text.Length;
    }

    /// <summary>The file's line break: CRLF when its first line ends so, else LF.</summary>
    private static string NewLineOf(string text)
    {
        int lineBreak = text.IndexOf('\n');
        return lineBreak > 0 && text[lineBreak - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>A node's 0-based column (YamlDotNet counts from 1).</summary>
    private static int Column(YamlNode node) => (int)node.Start.Column - 1;

    private static TextSpan Span(YamlNode node) => TextSpan.FromBounds((int)node.Start.Index, (int)node.End.Index);

    /// <summary>
    /// Where a flow collection ends, after its closing bracket: from its last scalar, past the closing brackets of the
    /// collections that hold it (white space, commas and comments between them); -1 when something else comes first.
    /// </summary>
    private static int FlowEnd(string text, YamlNode node)
    {
        int closings = 0, position = -1;
        for (int depth = 0; depth <= GlossaryFileParser.MaxNesting && position < 0; depth++)
        {
            switch (node)
            {
                case YamlMappingNode { Children.Count: > 0 } map:
                    closings++;
                    var (key, value) = map.Children.Last();
                    node = value is YamlScalarNode { Value: null or "" } ? key : value;
                    break;
                case YamlSequenceNode { Children.Count: > 0 } list:
                    closings++;
                    node = list.Children[^1];
                    break;
                case YamlMappingNode or YamlSequenceNode:
                    closings++;
                    position = (int)node.Start.Index + 1;
                    break;
                default:
                    position = (int)node.End.Index;
                    break;
            }
        }
        while (closings > 0 && position >= 0 && position < text.Length)
        {
            char c = text[position];
            if (c is ']' or '}') closings--;
            else if (c == '#') position = text.IndexOf('\n', position) is >= 0 and int lineEnd ? lineEnd - 1 : text.Length;
            else if (!char.IsWhiteSpace(c) && c != ',') return -1;
            position++;
        }
        return closings == 0 ? position : -1;
    }

    /// <summary>
    /// Where a node's text ends: a scalar's own end; for a mapping or a list (which YamlDotNet ends where they start), the
    /// end of its last scalar, one path down; a flow collection's closing bracket is not counted.
    /// </summary>
    private static int End(YamlNode node)
    {
        for (int depth = 0; depth <= GlossaryFileParser.MaxNesting; depth++)
        {
            switch (node)
            {
                case YamlMappingNode { Children.Count: > 0 } map:
                    var (key, value) = map.Children.Last();
                    if (value is YamlScalarNode { Value: null or "" }) return (int)key.End.Index;
                    node = value;
                    break;
                case YamlSequenceNode { Children.Count: > 0 } list:
                    node = list.Children[^1];
                    break;
                default:
                    return (int)node.End.Index;
            }
        }
        return (int)node.End.Index;
    }
}
