using System.Text;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>How documentation is written: Markdown, or plain text for clients that do not render Markdown.</summary>
public enum DocumentationFormat { PlainText, Markdown }

public sealed record HoverResult(TextSpan Span, string Text);

/// <summary>Hover: the entry of the term under the cursor, as Markdown or as plain text.</summary>
public static class Hover
{
    public static HoverResult? Compute(DocumentAnalysis analysis, int offset, Glossary.Glossary glossary, bool chineseFirst,
        DocumentationFormat format = DocumentationFormat.Markdown)
    {
        if (analysis.MatchAt(offset) is not { } match) return null;
        return new HoverResult(match.Span, Render(match.Entry, glossary, chineseFirst, format));
    }

    /// <summary>
    /// The entry: term and expansion, Chinese names, both definitions, note, aliases, related, references, and
    /// where it is defined. Plain text has the same lines without Markdown marks (no <c>**</c>, <c>_</c>, links).
    /// </summary>
    public static string Render(GlossaryEntry entry, Glossary.Glossary glossary, bool chineseFirst,
        DocumentationFormat format = DocumentationFormat.Markdown)
    {
        bool markdown = format == DocumentationFormat.Markdown;
        var text = new StringBuilder();
        if (markdown) text.Append("**").Append(entry.Term).Append("**");
        else text.Append(entry.Term);
        if (entry.Expansion is { } expansion) text.Append(" — ").Append(expansion);
        if (entry.ChineseNames.Count > 0) text.Append(" · ").Append(string.Join(" / ", entry.ChineseNames));
        text.Append("\n\n");

        string? first = chineseFirst ? entry.DefinitionZh : entry.DefinitionEn;
        string? second = chineseFirst ? entry.DefinitionEn : entry.DefinitionZh;
        if (!string.IsNullOrWhiteSpace(first)) text.Append(first.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(second)) text.Append(second.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(entry.Note)) text.Append(markdown ? "*Note:* " : "Note: ").Append(entry.Note.Trim()).Append("\n\n");

        if (entry.Aliases.Count > 0)
        {
            text.Append(chineseFirst ? "也写作: " : "Also written: ").Append(string.Join(", ", entry.Aliases)).Append("\n\n");
        }
        var related = entry.Related.Select(glossary.Find).Where(e => e is not null).Select(e => e!.Term).ToList();
        if (related.Count > 0)
        {
            text.Append(chineseFirst ? "相关: " : "Related: ").Append(string.Join(", ", related)).Append("\n\n");
        }
        foreach (var reference in entry.References)
        {
            text.Append("- ").Append(reference.Title);
            if (reference.Year is { } year) text.Append(" (").Append(year).Append(')');
            if (reference.Arxiv is { } arxiv) text.Append(" — arXiv:").Append(arxiv);
            else if (reference.Url is { } url) text.Append(" — ").Append(url);
            text.Append('\n');
        }
        if (entry.References.Count > 0) text.Append('\n');
        // Where the entry comes from, so users know which file to edit.
        string file = Path.GetFileName(entry.Source.File);
        string origin = entry.IsBundled ? (chineseFirst ? "内置词汇表" : "bundled glossary") : (chineseFirst ? "工作区词汇表" : "workspace glossary");
        if (markdown)
        {
            string link = Path.IsPathRooted(entry.Source.File)
                ? $"[{file}:{entry.Source.Line}]({FileUri.FromPath(entry.Source.File)}#L{entry.Source.Line})"
                : $"{file}:{entry.Source.Line}";
            text.Append('_').Append(entry.Category).Append(" · ").Append(origin).Append("_ · ").Append(link);
        }
        else
        {
            text.Append(entry.Category).Append(" · ").Append(origin).Append(" · ").Append(file).Append(':').Append(entry.Source.Line);
        }
        return text.ToString();
    }
}
