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
    public void Finds(string text, string expected)
    {
        var matches = TestSupport.Matcher.FindAll(text, new DocumentRegions([new(0, text.Length)], []));
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
