using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>Inlay hint fixtures: expected is the text with each hint's label inserted as ⟨label⟩ at its offset.</summary>
public class InlayHintTests
{
    private static string Render(string text, IReadOnlyList<InlayHintResult> hints)
    {
        var result = text;
        foreach (var hint in hints.OrderByDescending(h => h.Offset)) result = result.Insert(hint.Offset, $"⟨{hint.Label}⟩");
        return result;
    }

    private static void Check(string text, string expected, string languageId = "markdown")
    {
        var analysis = TestSupport.Analyze(text, languageId);
        Assert.Equal(expected, Render(text, InlayHints.Compute(analysis, new TextSpan(0, text.Length))));
    }

    [Fact] public void After_the_first_use_only() => Check("LoRA here, LoRA there.", "LoRA⟨(Low-Rank Adaptation)⟩ here, LoRA there.");
    [Fact] public void One_per_entry() => Check("RAG, an LLM and RAG.", "RAG⟨(Retrieval-Augmented Generation)⟩, an LLM⟨(Large Language Model)⟩ and RAG.");
    [Fact] public void Not_when_the_expansion_follows() => Check("LoRA (Low-Rank Adaptation) helps; LoRA again.", "LoRA (Low-Rank Adaptation) helps; LoRA again.");
    [Fact] public void Not_when_the_expansion_precedes() => Check("Low-Rank Adaptation (LoRA) helps; LoRA again.", "Low-Rank Adaptation (LoRA) helps; LoRA again.");
    [Fact] public void Not_when_a_chinese_name_precedes() => Check("低秩适配（LoRA）很好。LoRA", "低秩适配（LoRA）很好。LoRA");
    [Fact] public void In_chinese_text_the_expansion() => Check("我们用LoRA微调", "我们用LoRA⟨(Low-Rank Adaptation)⟩微调");
    [Fact] public void An_expansion_further_away_does_not_count() => Check("Low-Rank Adaptation is old. LoRA is new.", "Low-Rank Adaptation is old. LoRA⟨(Low-Rank Adaptation)⟩ is new.");
    [Fact] public void Not_for_entries_without_expansion() => Check("The KV-cache and a token.", "The KV-cache and a token.");
    [Fact] public void Plural_keeps_the_hint_after_it() => Check("Two LLMs.", "Two LLMs⟨(Large Language Model)⟩.");
    [Fact] public void Not_after_a_spelling_that_is_no_acronym() => Check("Lora, then LoRA.", "Lora, then LoRA⟨(Low-Rank Adaptation)⟩.");
    [Fact] public void Not_in_inline_code() => Check("`LoRA` and LoRA", "`LoRA` and LoRA⟨(Low-Rank Adaptation)⟩");
    [Fact] public void In_code_comments_only() => Check("LoRA = 1  # LoRA here\n", "LoRA = 1  # LoRA⟨(Low-Rank Adaptation)⟩ here\n", "python");

    [Fact]
    public void Not_for_a_term_that_is_no_acronym()
    {
        var matcher = TestSupport.MatcherFor("""
            terms:
              - id: chinchilla
                term: Chinchilla
                expansion: Chinchilla scaling laws
                category: training
                definition:
                  en: A test entry.
            """);
        var analysis = TestSupport.Analyze("Chinchilla is a model.", matcher: matcher);
        Assert.Empty(InlayHints.Compute(analysis, new TextSpan(0, analysis.Document.Text.Length)));
    }

    [Fact]
    public void Only_inside_the_range_but_first_over_the_document()
    {
        const string text = "LoRA first.\n\nRAG and LoRA.\n";
        var analysis = TestSupport.Analyze(text);
        int second = text.IndexOf("RAG", StringComparison.Ordinal);
        var hints = InlayHints.Compute(analysis, TextSpan.FromBounds(second, text.Length));
        Assert.Equal("LoRA first.\n\nRAG⟨(Retrieval-Augmented Generation)⟩ and LoRA.\n", Render(text, hints));
    }

    [Fact]
    public void At_most_max()
    {
        const string text = "LoRA, RAG, LLM, MoE, PEFT";
        var hints = InlayHints.Compute(TestSupport.Analyze(text), new TextSpan(0, text.Length), max: 2);
        Assert.Equal(2, hints.Count);
        Assert.Equal(1_000, InlayHints.MaxHints);
    }
}
