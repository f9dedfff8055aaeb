using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Server.State;

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

    [Fact]
    public void The_server_embeds_every_bundled_file_unchanged()
    {
        var files = Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, "glossary"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        var embedded = GlossaryStore.EmbeddedFiles();
        Assert.Equal(files.Select(f => GlossaryStore.EmbeddedPrefix + Path.GetFileName(f)), embedded.Select(s => s.Path));
        Assert.Equal(files.Select(File.ReadAllText), embedded.Select(s => s.Text));
        Assert.All(embedded, s => Assert.True(s.IsBundled));
    }

    [Fact]
    public void Without_a_folder_the_store_loads_the_embedded_glossary()
    {
        var store = new GlossaryStore(bundledDirectory: null, LspGlossary.Server.Files.DiskWorkspace.Instance);
        var result = store.Reload();
        Assert.Empty(result.Problems);
        Assert.Equal(Bundled.Value.Entries.Count, store.Glossary.Entries.Count);
        Assert.True(store.IsBundledFile(GlossaryStore.EmbeddedPrefix + "training.yaml"));
        Assert.False(store.IsBundledFile(Path.Combine(TestSupport.RepoRoot, "glossary", "training.yaml")));
    }

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

    /// <summary>The terms the product promises (issue #3), each found by its term, alias, expansion, Chinese name or id.</summary>
    private const string PromisedTerms = """
        LLM, pretraining, fine-tuning, SFT, instruction tuning, full-parameter fine-tuning, PEFT, LoRA, QLoRA,
        prefix tuning, P-Tuning, prompt tuning, adapter, BitFit, RL, RLHF, reward model, critic model, policy model,
        reference model, PPO, TRPO, DPO, GRPO, IPO, KTO, RFT, advantage function, reward hacking, preference learning,
        alignment, value alignment, Constitutional AI, backpropagation, loss function, gradient descent, hyperparameter,
        continual learning, catastrophic forgetting, adversarial training, train-time compute, test-time compute, FLOPs,
        emergence, hallucination, AI, GPT, Transformer, BERT, decoder-only, dense model, MoE, expert, gating network,
        sparse activation, Switch Transformer, GLaM, Mixtral, GQA, sliding window attention, MLA, foundation model,
        base model, tuned model, vertical model, reasoning model, System 1, System 2, VLM, GPT-4V, LLaVA,
        BLIP-2, parameter-count, open weights, model hub, agent, token, tokenization, context window, context length,
        temperature, latency, TTFT, quantization, FP16, INT8, INT4, binarization, speculative decoding, draft model,
        KV cache, PagedAttention, inference, batching, model parallelism, tensor parallelism, pipeline parallelism,
        expert parallelism, inference cost, token economics, RAG, CoT, Tree of Thoughts, PAL, inference-time intervention,
        MMLU, HellaSwag, HumanEval, GSM8K, red teaming, jailbreak, prompt injection, XAI
        """;

    [Fact]
    public void Every_promised_term_is_present()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Bundled.Value.Entries)
        {
            names.Add(entry.Id);
            foreach (var spelling in entry.AllSpellings()) names.Add(spelling);
        }
        var missing = PromisedTerms.Split(',').Select(t => t.Trim()).Where(t => !names.Contains(t)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void No_variant_is_all_lower_case()
    {
        // All-lower-case forms are usually packages, config values or dataset ids: flagging them costs trust.
        // Only spellings with cased letters count: a Chinese variant (政策梯度) has no case at all.
        var offenders = Bundled.Value.Entries.SelectMany(e => e.Variants
            .Where(v => v.Any(char.IsLower) && !v.Any(char.IsUpper)).Select(v => $"{e.Id}: {v}"));
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
