using LspGlossary.Core.Analysis;

namespace LspGlossary.Tests;

/// <summary>
/// Product names in the bundled glossary (glossary/products.yaml): the misspellings the corpus of real LLM docs
/// shows are flagged with the right fix, while identifiers, paths, URLs and lower-case package names are not.
/// </summary>
public class ProductSpellingTests
{
    private static readonly Lazy<TermMatcher> Matcher = new(() => new TermMatcher(BundledGlossaryTests.Bundled.Value));

    private static List<TermMatch> Find(string text) =>
        Matcher.Value.FindAll(text, new DocumentRegions([new(0, text.Length)], []));

    [Theory]
    [InlineData("We download the weights from Huggingface first.", "Huggingface", "hugging-face", "Hugging Face")]
    [InlineData("HuggingFace hosts most open models.", "HuggingFace", "hugging-face", "Hugging Face")]
    [InlineData("Install Pytorch before anything else.", "Pytorch", "pytorch", "PyTorch")]
    [InlineData("Train the model with Deepspeed ZeRO-3.", "Deepspeed", "deepspeed", "DeepSpeed")]
    [InlineData("使用Deepspeed进行训练", "Deepspeed", "deepspeed", "DeepSpeed")]
    [InlineData("LLMs such as GPT and LLaMa have shown strong abilities.", "LLaMa", "llama", "Llama")]
    [InlineData("Deepseek released its weights.", "Deepseek", "deepseek", "DeepSeek")]
    [InlineData("but the VLLM service continues to run", "VLLM", "vllm", "vLLM")]
    [InlineData("Serve it with Sglang.", "Sglang", "sglang", "SGLang")]
    [InlineData("LLaVA and QWen-VL need vision-language pretraining.", "QWen", "qwen", "Qwen")]
    [InlineData("Load it with HuggingFace Transformers.", "HuggingFace Transformers", "transformers-library", "Hugging Face Transformers")]
    [InlineData("compatible with the Open AI Chat Completion API", "Open AI", "openai", "OpenAI")]
    [InlineData("Tensor parallelism as in Megatron LM.", "Megatron LM", "megatron-lm", "Megatron-LM")]
    [InlineData("Tested up to Deepseek-R1 so far.", "Deepseek-R1", "deepseek-r1", "DeepSeek-R1")]
    public void Corpus_misspellings_are_flagged_with_the_fix(string text, string wrong, string id, string fix)
    {
        var match = Assert.Single(Find(text), m => m.IsWrongSpelling);
        Assert.Equal(wrong, text.Substring(match.Span.Start, match.Span.Length));
        Assert.Equal(id, match.Entry.Id);
        Assert.Equal(fix, match.Entry.Term);
    }

    [Theory]
    [InlineData("pip install deepspeed vllm sglang torch")]
    [InlineData("Download from https://huggingface.co/Qwen/Qwen3-8B or huggingface.co/Qwen.")]
    [InlineData("from transformers import AutoModel")]
    [InlineData("Set HF_HOME to a large disk.")]
    [InlineData("Fine-tune meta-llama/Llama-2-7b on one GPU.")]
    [InlineData("Tested up to LLaMa-2-70B so far.")]
    [InlineData("Fine-tuning open AI models using Hugging Face TRL")]
    [InlineData("import torch; torch.cuda.is_available()")]
    [InlineData("# Copyright 2025-present the HuggingFace Inc. team.")]
    [InlineData("# Copyright 2024 The HuggingFace Team. All rights reserved.")]
    [InlineData("Deploy it with Langchain-Chatchat.")]
    [InlineData("normalised by the RMS of the activations")]
    [InlineData("PyTorch, DeepSpeed, vLLM, SGLang, Hugging Face, Llama, LLaMA, DeepSeek, Qwen")]
    public void Identifiers_packages_and_correct_names_are_not_flagged(string text) =>
        Assert.DoesNotContain(Find(text), m => m.IsWrongSpelling);

    [Theory]
    [InlineData("the Transformer architecture and other Transformers", "Transformers", "transformer")]
    [InlineData("Load the checkpoint with the Transformers library.", "Transformers library", "transformers-library")]
    [InlineData("🤗 Transformers provides AutoModel.", "🤗 Transformers", "transformers-library")]
    [InlineData("需要安装 transformers 库", "transformers 库", "transformers-library")]
    [InlineData("Deploy behind Triton Inference Server.", "Triton Inference Server", "triton-inference-server")]
    [InlineData("Write the kernel in Triton.", "Triton", "triton")]
    [InlineData("Grok is made by xAI.", "xAI", "xai-company")]
    [InlineData("XAI explains decisions.", "XAI", "xai")]
    [InlineData("用 DeepSeek-R1 蒸馏", "DeepSeek-R1", "deepseek-r1")]
    [InlineData("华为昇腾 NPU", "昇腾", "ascend")]
    [InlineData("部署 ChatGLM 与 GLM", "ChatGLM", "chatglm")]
    [InlineData("LLaMA was released in 2023.", "LLaMA", "llama")]
    public void Names_hover_the_right_entry(string text, string spelling, string id)
    {
        var match = Assert.Single(Find(text), m => text.Substring(m.Span.Start, m.Span.Length) == spelling);
        Assert.Equal(id, match.Entry.Id);
        Assert.False(match.IsWrongSpelling);
    }

    [Theory]
    [InlineData("Accelerate your training with more GPUs.")]
    [InlineData("The angle phi and an X-ray image.")]
    [InlineData("Compile with -O1 or -O3.")]
    [InlineData("海纳百川")]
    [InlineData("the weights and biases of a layer")]
    public void Everyday_words_do_not_hover_products(string text) =>
        Assert.DoesNotContain(Find(text), m => m.Entry.Category == "product");
}
