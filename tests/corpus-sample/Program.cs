using System.Text;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;
using LspGlossary.Server.Cli;

// Samples what the glossary finds in a corpus, for labelling by hand (see README.md in this folder).
//   dotnet run --project tests/corpus-sample -- MODE CORPUS_DIR GLOSSARY_DIR [COUNT] [SEED]
// MODE: zh-hovers (matches of Chinese names), findings (wrong spellings), glued-lower (all-lower-case forms of
// acronym-like spellings touching a Han character; not flagged today), stats (counts only).
// Output: TSV rows "path, offset, text, entry, context", the context being 20 characters each side with the
// match in [brackets]; sampled rows are a seeded random choice, sorted by path and offset.

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: MODE CORPUS_DIR GLOSSARY_DIR [COUNT] [SEED]");
    return 2;
}
string mode = args[0], corpus = args[1], glossaryDir = args[2];
int count = args.Length > 3 ? int.Parse(args[3]) : 200;
int seed = args.Length > 4 ? int.Parse(args[4]) : 10;

var sources = Directory.GetFiles(glossaryDir, "*.yaml").Order(StringComparer.Ordinal)
    .Select(p => new GlossarySource(p, File.ReadAllText(p), IsBundled: true)).ToList();
var loaded = new GlossaryLoader().Load(sources);
var matcher = new TermMatcher(loaded.Glossary);
// The lower-case form of every acronym-like term and alias (lora, moe, sft), and its entry.
var acronyms = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (var entry in loaded.Glossary.Entries)
{
    foreach (var spelling in entry.Aliases.Prepend(entry.Term).Where(TermMatcher.IsAcronymLike))
    {
        acronyms.TryAdd(spelling.ToLowerInvariant(), entry.Id);
    }
}

var rows = new List<(string Path, int Offset, string Text, string Entry, string Context)>();
int files = 0, zhHovers = 0, findings = 0, hovers = 0, glued = 0;
foreach (var path in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    string relative = Path.GetRelativePath(corpus, path).Replace('\\', '/');
    if (relative.Split('/').Any(part => part.StartsWith('.'))) continue;
    string? language = Languages.ForPath(path);
    if (language is null || new FileInfo(path).Length > 4_000_000) continue;
    string text = File.ReadAllText(path);
    files++;
    var analysis = DocumentAnalysis.Analyze(new TextDocument("file:///" + relative, language, 1, text), matcher);
    hovers += analysis.Matches.Count;
    foreach (var match in analysis.Matches)
    {
        if (match.Kind == MatchKind.ChineseName)
        {
            zhHovers++;
            if (mode == "zh-hovers") rows.Add(Row(relative, text, match.Span, match.Entry.Id));
        }
    }
    foreach (var diagnostic in Diagnostics.Compute(analysis, Severity.Warning))
    {
        findings++;
        var entry = analysis.MatchAt(diagnostic.Span.Start)?.Entry.Id ?? "?";
        if (mode == "findings") rows.Add(Row(relative, text, diagnostic.Span, entry));
    }
    foreach (var (span, entry) in GluedLowerCase(text, analysis))
    {
        glued++;
        if (mode == "glued-lower") rows.Add(Row(relative, text, span, entry));
    }
}

Console.Error.WriteLine($"files {files}, entries {loaded.Glossary.Entries.Count}, hovers {hovers}, zh-hovers {zhHovers}, findings {findings}, glued-lower {glued}, glossary problems {loaded.Problems.Count}");
if (mode == "stats") return 0;
var random = new Random(seed);
var sample = rows.Count <= count ? rows : rows.OrderBy(_ => random.Next()).Take(count).ToList();
foreach (var row in sample.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Offset))
{
    Console.WriteLine($"{row.Path}\t{row.Offset}\t{row.Text}\t{row.Entry}\t{row.Context}");
}
return 0;

static (string, int, string, string, string) Row(string path, string text, TextSpan span, string entry)
{
    int before = Math.Max(0, span.Start - 20), after = Math.Min(text.Length, span.End + 20);
    string context = text[before..span.Start] + "[" + text.Substring(span.Start, span.Length) + "]" + text[span.End..after];
    return (path, span.Start, Clean(text.Substring(span.Start, span.Length)), entry, Clean(context));
}

static string Clean(string s) => new StringBuilder(s).Replace('\n', '⏎').Replace('\r', ' ').Replace('\t', ' ').ToString();

// All-lower-case occurrences of acronym-like spellings (lora, moe, sft) in searchable text where a Han character
// touches one side and the other side is not a Latin word character: "lora中", "moe路由", "用sft".
IEnumerable<(TextSpan, string)> GluedLowerCase(string text, DocumentAnalysis analysis)
{
    foreach (var region in analysis.Regions.Searchable)
    {
        int i = region.Start;
        while (i < region.End)
        {
            if (!char.IsAsciiLetterLower(text[i]) || (i > 0 && Script.IsWordChar(text[i - 1]))) { i++; continue; }
            int end = i;
            while (end < region.End && (Script.IsWordChar(text[end]))) end++;
            string word = text[i..end];
            string bare = word.EndsWith('s') && acronyms.ContainsKey(word[..^1]) ? word[..^1] : word;
            bool hanBefore = i > 0 && Script.IsCjk(text[i - 1]);
            bool hanAfter = end < text.Length && Script.IsCjk(text[end]);
            if ((hanBefore || hanAfter) && bare.All(char.IsAsciiLetterLower) && acronyms.TryGetValue(bare, out var id)
                && !TermMatcher.IsInIdentifier(text, i, end))
            {
                yield return (TextSpan.FromBounds(i, end), id);
            }
            i = Math.Max(end, i + 1);
        }
    }
}

