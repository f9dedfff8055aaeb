using LspGlossary.Core.Text;

namespace LspGlossary.Core.Glossary;

/// <summary>Where a glossary entry or problem comes from: a file name and a one-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";

    /// <summary>
    /// True when <see cref="File"/> is a rooted path, a file a client can open: entries of a workspace glossary or of
    /// <c>--glossary-dir</c>. The glossary embedded in the binary names its files without a folder.
    /// </summary>
    public bool IsOnDisk => Path.IsPathRooted(File);
}

/// <summary>A paper or page that introduced or defines a term.</summary>
public sealed record GlossaryReference(string Title, int? Year, string? Arxiv, string? Url);

/// <summary>
/// One term of the glossary. <see cref="Term"/> is the canonical spelling; <see cref="Aliases"/> are other
/// accepted spellings; <see cref="Variants"/> are spellings that are wrong and get fixed, usually to <see cref="Term"/>
/// (<see cref="Features.Diagnostics.ReplacementFor"/> says what each becomes).
/// </summary>
public sealed record GlossaryEntry
{
    public required string Id { get; init; }
    public required string Term { get; init; }
    public string? Expansion { get; init; }
    public IReadOnlyList<string> ChineseNames { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>
    /// Longer phrases that contain one of this entry's spellings but are not the term (精度对齐 for 对齐, 类型推断 for
    /// 推断): where one is written, neither a hover nor a finding. They are not spellings of the entry.
    /// </summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];
    public string Category { get; init; } = "general";
    public string? DefinitionZh { get; init; }
    public string? DefinitionEn { get; init; }
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<GlossaryReference> References { get; init; } = [];
    public string? Note { get; init; }
    public bool Disabled { get; init; }
    public required SourceLocation Source { get; init; }

    /// <summary>The entry's mapping in its file's text (UTF-16 offsets, from YamlDotNet's marks): its outline range.</summary>
    public TextSpan? Extent { get; init; }

    /// <summary>The value of its <c>term:</c> in the file's text, else of its <c>id:</c>: the outline's selection.</summary>
    public TextSpan? NameSpan { get; init; }

    /// <summary>True for entries of the glossary shipped with the server, false for workspace glossaries.</summary>
    public bool IsBundled { get; init; } = true;

    /// <summary>
    /// True when a client can be sent to this entry: its file is on disk (<see cref="SourceLocation.IsOnDisk"/>), or
    /// <paramref name="includeEmbedded"/> is set and it is an entry of the glossary embedded in the binary, which a
    /// client that asks for it opens as a virtual document.
    /// </summary>
    public bool CanBeOpened(bool includeEmbedded) => Source.IsOnDisk || (includeEmbedded && IsBundled);

    /// <summary>Every spelling that finds this entry: the term, aliases, Chinese names, expansion and variants.</summary>
    public IEnumerable<string> AllSpellings()
    {
        yield return Term;
        foreach (var alias in Aliases) yield return alias;
        foreach (var name in ChineseNames) yield return name;
        if (Expansion is not null) yield return Expansion;
        foreach (var variant in Variants) yield return variant;
    }
}
