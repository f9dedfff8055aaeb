using LspGlossary.Core.Analysis;

namespace LspGlossary.Tests;

/// <summary>
/// Script-aware matching over prose. Expected: each match as <c>text=id:kind</c> (kind: ok, zh, exp, variant,
/// case; "!" marks an identifier), in document order, joined by spaces; "-" for none.
/// </summary>
public class TermMatcherTests
{
    [Theory]
    [InlineData("We fine-tune with LoRA.", "LoRA=lora:ok")]
    [InlineData("使用Lora微调", "Lora=lora:variant")]
    [InlineData("用QLoRA微调模型", "QLoRA=qlora:ok")]
    [InlineData("LORA and Sft", "LORA=lora:case")]
    [InlineData("Lorax is not Lora", "Lora=lora:variant")]
    [InlineData("ＬｏＲＡ in full width", "ＬｏＲＡ=lora:ok")]
    [InlineData("ＬＯＲＡ in full width", "ＬＯＲＡ=lora:case")]
    [InlineData("Two LLMs talk", "LLMs=llm:ok")]
    [InlineData("many tokens", "tokens=token:ok")]
    [InlineData("Token and TOKEN", "Token=token:ok TOKEN=token:ok")]
    [InlineData("lora and peft are packages", "-")]
    [InlineData("LoraConfig and QLoraModel", "-")]
    [InlineData("set lora_alpha=16", "-")]
    [InlineData("import peft.tuners.Lora", "Lora=lora:variant!")]
    [InlineData("see https://x.org/docs/Lora/intro", "Lora=lora:variant!")]
    [InlineData("file Lora.py", "Lora=lora:variant!")]
    [InlineData("LoRA/QLoRA and Lora/Qlora", "LoRA=lora:ok QLoRA=qlora:ok Lora=lora:variant Qlora=qlora:variant")]
    [InlineData("Lora-based tuning", "Lora=lora:variant")]
    [InlineData("Qwen3-Moe and Qwen3-Omni-Moe", "Moe=moe:variant! Moe=moe:variant!")]
    [InlineData("llama-2-7b-Lora weights", "Lora=lora:variant!")]
    [InlineData("lora_alpha:Lora alpha", "Lora=lora:variant")]
    [InlineData("std::Lora and http://x/Lora", "Lora=lora:variant! Lora=lora:variant!")]
    [InlineData("大语言模型很大", "大语言模型=llm:zh")]
    [InlineData("这是语言模型", "语言模型=llm:zh")]
    [InlineData("检索增强生成（RAG）", "检索增强生成=rag:zh RAG=rag:ok")]
    [InlineData("the KV cache and the KV Cache and kv cache", "KV cache=kv-cache:ok KV Cache=kv-cache:variant kv cache=kv-cache:ok")]
    [InlineData("Low-Rank Adaptation works", "Low-Rank Adaptation=lora:exp")]
    [InlineData("MoE, Moe, MOE, moe", "MoE=moe:ok Moe=moe:variant MOE=moe:variant")]
    [InlineData("混合专家模型与混合专家", "混合专家模型=moe:zh 混合专家=moe:zh")]
    [InlineData("😀Lora", "Lora=lora:variant")]
    [InlineData("LoRA！Lora。", "LoRA=lora:ok Lora=lora:variant")]
    [InlineData("Kv cache, KV CACHE, Kv Cache, kv cache", "Kv cache=kv-cache:case KV CACHE=kv-cache:case Kv Cache=kv-cache:case kv cache=kv-cache:ok")]
    [InlineData("KV-Cache and Kv-cache", "KV-Cache=kv-cache:case Kv-cache=kv-cache:case")]
    [InlineData("Two LLMS and LORAS", "LLMS=llm:case LORAS=lora:case")]
    [InlineData("TOKENS count", "TOKENS=token:ok")]
    [InlineData("LoRAS is no plural", "-")]
    [InlineData("a state-of-the-art Lora-KV-Cache", "Lora=lora:variant KV-Cache=kv-cache:case")]
    [InlineData("Moe-Lora-based", "Moe=moe:variant Lora=lora:variant")]
    [InlineData("Qwen3-Omni-Moe-Lora", "Moe=moe:variant! Lora=lora:variant!")]
    [InlineData("Lora-Qwen3 and Lora-7b", "Lora=lora:variant! Lora=lora:variant!")]
    public void Finds(string text, string expected) => Check(TestSupport.Matcher, text, expected);

    private const string LocalGlossary = """
        terms:
          - id: int8
            term: INT8
            definition: {en: x}
            aliases: [Int8]
          - id: kv-cache
            term: KV cache
            definition: {en: x}
            aliases: [KV-cache]
          - id: gen-ai
            term: generative AI
            definition: {en: x}
          - id: fine-tuning
            term: fine-tuning
            definition: {en: x}
          - id: moe
            term: MoE
            definition: {en: x}
            expansion: Mixture of Experts
            variants: [Moe]
        """;

    /// <summary>
    /// Rules that need their own glossary: a digit part that is a glossary spelling (<c>Int8</c>) is a word of a
    /// hyphenated compound; a term with an acronym word (<c>KV cache</c>) reports other casings without listing
    /// them; a plain phrase (<c>fine-tuning</c>) and an expansion match in any case.
    /// </summary>
    [Theory]
    [InlineData("Int8-KV-Cache is small", "Int8=int8:ok KV-Cache=kv-cache:case")]
    [InlineData("the Moe-large-uncased-whole-word-masking checkpoint", "Moe=moe:variant!")]
    [InlineData("MOES and MoEs, but MOS is not MoE", "MOES=moe:case MoEs=moe:ok MoE=moe:ok")]
    [InlineData("a Moe-style-tuned Int8-Moe-Adapter", "Moe=moe:variant! Int8=int8:ok Moe=moe:variant")]
    [InlineData("INT8-Moe and int8-Moe", "INT8=int8:ok Moe=moe:variant int8=int8:ok Moe=moe:variant")]
    [InlineData("Int4-Moe stays an id", "Moe=moe:variant!")]
    [InlineData("Qwen3-Moe stays an id", "Moe=moe:variant!")]
    [InlineData("Kv Cache, KV CACHE, KV cache, kv cache", "Kv Cache=kv-cache:case KV CACHE=kv-cache:case KV cache=kv-cache:ok kv cache=kv-cache:ok")]
    [InlineData("KV Cache, kv Cache, KV cAche", "KV Cache=kv-cache:ok kv Cache=kv-cache:case KV cAche=kv-cache:case")]
    [InlineData("Generative AI, generative AI, Generative Ai, GENERATIVE AI", "Generative AI=gen-ai:ok generative AI=gen-ai:ok Generative Ai=gen-ai:case GENERATIVE AI=gen-ai:case")]
    [InlineData("Fine-Tuning, FINE-TUNING, fine-tuning", "Fine-Tuning=fine-tuning:ok FINE-TUNING=fine-tuning:ok fine-tuning=fine-tuning:ok")]
    [InlineData("MIXTURE OF EXPERTS", "MIXTURE OF EXPERTS=moe:exp")]
    public void Finds_with_a_local_glossary(string text, string expected) => Check(TestSupport.MatcherFor(LocalGlossary), text, expected);

    private static void Check(TermMatcher matcher, string text, string expected)
    {
        var matches = matcher.FindAll(text, new DocumentRegions([new(0, text.Length)], []));
        string actual = matches.Count == 0 ? "-" : string.Join(" ", matches.Select(m =>
            $"{text.Substring(m.Span.Start, m.Span.Length)}={m.Entry.Id}:{Kind(m.Kind)}{(m.InIdentifier ? "!" : "")}"));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Searches_only_inside_regions()
    {
        string text = "Lora here, Lora there";
        var matches = TestSupport.Matcher.FindAll(text, new DocumentRegions([new(11, 10)], []));
        Assert.Equal(11, Assert.Single(matches).Span.Start);
    }

    [Theory]
    [InlineData("LoRA", true)]
    [InlineData("MoE", true)]
    [InlineData("KV cache", false)]
    [InlineData("Transformer", false)]
    [InlineData("token", false)]
    public void Acronym_like(string spelling, bool expected) => Assert.Equal(expected, TermMatcher.IsAcronymLike(spelling));

    [Theory]
    [InlineData("KV cache", true)]
    [InlineData("cache KV", true)]
    [InlineData("Int8-KV-Cache", true)]
    [InlineData("LoRA", true)]
    [InlineData("Mixture of Experts", false)]
    [InlineData("fine-tuning", false)]
    [InlineData("Fine-Tuning", false)]
    public void Has_an_acronym_word(string spelling, bool expected) => Assert.Equal(expected, TermMatcher.HasAcronymWord(spelling));

    private static string Kind(MatchKind kind) => kind switch
    {
        MatchKind.Accepted => "ok",
        MatchKind.ChineseName => "zh",
        MatchKind.Expansion => "exp",
        MatchKind.Variant => "variant",
        MatchKind.CaseVariant => "case",
        _ => "?",
    };
}
