using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;

namespace LspGlossary.Tests;

/// <summary>The bundled glossary (glossary/*.yaml) loads cleanly and keeps the terms the product promises.</summary>
public class BundledGlossaryTests
{
    public static readonly Lazy<Glossary> Bundled = new(() =>
    {
        var directory = Path.Combine(TestSupport.RepoRoot, "glossary");
        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => GlossaryFileParser.Parse(File.ReadAllText(path), path));
        return Glossary.Build(files);
    });

    [Fact]
    public void Loads_without_problems() => Assert.Empty(Bundled.Value.Problems.Select(p => p.ToString()));

    [Theory]
    [InlineData("LoRA", "Low-Rank Adaptation", "Lora,LORA,LoRa")]
    [InlineData("QLoRA", null, "Qlora,QLora")]
    [InlineData("MoE", "Mixture of Experts", "Moe,MOE")]
    [InlineData("KV cache", null, "KV Cache")]
    [InlineData("GRPO", "Group Relative Policy Optimization", "")]
    [InlineData("RFT", "Reinforcement Fine-Tuning", "")]
    [InlineData("RLHF", "Reinforcement Learning from Human Feedback", "")]
    [InlineData("RAG", "Retrieval-Augmented Generation", "")]
    public void Key_terms_have_their_facts(string term, string? expansion, string variants)
    {
        var entry = Bundled.Value.Entries.SingleOrDefault(e => e.Term == term);
        Assert.NotNull(entry);
        if (expansion is not null) Assert.Equal(expansion, entry.Expansion);
        foreach (var variant in variants.Split(',', StringSplitOptions.RemoveEmptyEntries)) Assert.Contains(variant, entry.Variants);
        Assert.False(string.IsNullOrWhiteSpace(entry.DefinitionZh));
        Assert.False(string.IsNullOrWhiteSpace(entry.DefinitionEn));
    }

    [Fact]
    public void No_variant_is_all_lower_case()
    {
        // All-lower-case forms are usually packages, config values or dataset ids: flagging them costs trust.
        var offenders = Bundled.Value.Entries.SelectMany(e => e.Variants.Where(v => v == v.ToLowerInvariant()).Select(v => $"{e.Id}: {v}"));
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_canonical_term_is_accepted_by_the_matcher()
    {
        var matcher = new TermMatcher(Bundled.Value);
        foreach (var entry in Bundled.Value.Entries)
        {
            string text = $"x {entry.Term} x";
            var match = Assert.Single(matcher.FindAll(text, new DocumentRegions([new(0, text.Length)], [])));
            Assert.False(match.IsWrongSpelling, $"{entry.Term} is flagged");
        }
    }
}
