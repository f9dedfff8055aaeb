using System.Text;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

public sealed record HoverResult(TextSpan Span, string Markdown);

/// <summary>Hover: the entry of the term under the cursor, rendered as Markdown.</summary>
public static class Hover
{
    public static HoverResult? Compute(DocumentAnalysis analysis, int offset, Glossary.Glossary glossary, bool chineseFirst)
    {
        if (analysis.MatchAt(offset) is not { } match) return null;
        return new HoverResult(match.Span, Render(match.Entry, glossary, chineseFirst));
    }

    /// <summary>The entry as Markdown: term and expansion, Chinese names, both definitions, aliases, related, references.</summary>
    public static string Render(GlossaryEntry entry, Glossary.Glossary glossary, bool chineseFirst)
    {
        var md = new StringBuilder();
        md.Append("**").Append(entry.Term).Append("**");
        if (entry.Expansion is { } expansion) md.Append(" — ").Append(expansion);
        if (entry.ChineseNames.Count > 0) md.Append(" · ").Append(string.Join(" / ", entry.ChineseNames));
        md.Append("\n\n");

        string? first = chineseFirst ? entry.DefinitionZh : entry.DefinitionEn;
        string? second = chineseFirst ? entry.DefinitionEn : entry.DefinitionZh;
        if (!string.IsNullOrWhiteSpace(first)) md.Append(first.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(second)) md.Append(second.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(entry.Note)) md.Append("*Note:* ").Append(entry.Note.Trim()).Append("\n\n");

        if (entry.Aliases.Count > 0)
        {
            md.Append(chineseFirst ? "也写作: " : "Also written: ").Append(string.Join(", ", entry.Aliases)).Append("\n\n");
        }
        var related = entry.Related.Select(glossary.Find).Where(e => e is not null).Select(e => e!.Term).ToList();
        if (related.Count > 0)
        {
            md.Append(chineseFirst ? "相关: " : "Related: ").Append(string.Join(", ", related)).Append("\n\n");
        }
        foreach (var reference in entry.References)
        {
            md.Append("- ").Append(reference.Title);
            if (reference.Year is { } year) md.Append(" (").Append(year).Append(')');
            if (reference.Arxiv is { } arxiv) md.Append(" — arXiv:").Append(arxiv);
            else if (reference.Url is { } url) md.Append(" — ").Append(url);
            md.Append('\n');
        }
        if (entry.References.Count > 0) md.Append('\n');
        // Where the entry comes from, so users know which file to edit.
        string file = Path.GetFileName(entry.Source.File);
        string link = Path.IsPathRooted(entry.Source.File)
            ? $"[{file}:{entry.Source.Line}]({FileUri.FromPath(entry.Source.File)}#L{entry.Source.Line})"
            : $"{file}:{entry.Source.Line}";
        md.Append('_').Append(entry.Category).Append(" · ")
          .Append(entry.IsBundled ? (chineseFirst ? "内置词汇表" : "bundled glossary") : (chineseFirst ? "工作区词汇表" : "workspace glossary"))
          .Append("_ · ").Append(link);
        return md.ToString();
    }
}
