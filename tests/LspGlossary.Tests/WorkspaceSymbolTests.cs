using System.Text.Json.Nodes;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;

namespace LspGlossary.Tests;

/// <summary>Workspace symbols: <see cref="WorkspaceSymbols.Search"/>, and <c>workspace/symbol</c> over the protocol.</summary>
public class WorkspaceSymbolTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("lspg-sym-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    private const string Yaml = """
        terms:
          - id: lora
            term: LoRA
            expansion: Low-Rank Adaptation
            zh: [低秩适配]
            category: training
          - id: qlora
            term: QLoRA
            expansion: Quantized Low-Rank Adaptation
            category: training
          - id: rag
            term: RAG
            expansion: Retrieval-Augmented Generation
            aliases: [retrieval augmentation]
            zh: [检索增强生成]
            category: prompting
          - id: flora
            term: Flora
            category: general
        """;

    private static readonly string File = Path.Combine(Path.GetTempPath(), "team.glossary.yaml");

    private static string Search(string query, string file = "", int max = WorkspaceSymbols.MaxResults, bool includeEmbedded = false) =>
        string.Join(", ", WorkspaceSymbols.Search(Glossary.Build([GlossaryFileParser.Parse(Yaml, file.Length > 0 ? file : File)]), query, max, includeEmbedded).Select(m => m.Name));

    [Fact] public void Exact_then_prefix_then_substring() => Assert.Equal("LoRA, QLoRA, Flora", Search("lora"));
    [Fact] public void Prefix_then_word_start_then_substring() => Assert.Equal("LoRA, QLoRA (Quantized Low-Rank Adaptation), Flora", Search("lo"));
    [Fact] public void Case_and_spaces_are_ignored() => Assert.Equal("RAG", Search("  rag "));
    [Fact] public void A_chinese_name_finds_its_entry_and_is_in_the_name() => Assert.Equal("RAG (检索增强生成)", Search("检索"));
    [Fact] public void A_word_of_the_expansion_ranks_before_a_substring() =>
        Assert.Equal("LoRA (Low-Rank Adaptation), QLoRA (Quantized Low-Rank Adaptation)", Search("low-rank"));
    [Fact] public void An_alias_finds_its_entry() => Assert.Equal("RAG (retrieval augmentation)", Search("retrieval aug"));
    [Fact] public void The_term_wins_a_tie() => Assert.Equal("RAG, LoRA (Low-Rank Adaptation), QLoRA (Quantized Low-Rank Adaptation), Flora", Search("r"));
    [Fact] public void An_empty_query_lists_every_entry_in_order() => Assert.Equal("LoRA, QLoRA, RAG, Flora", Search(""));
    [Fact] public void The_cap_applies_after_ranking() => Assert.Equal("LoRA, QLoRA", Search("lora", max: 2));
    [Fact] public void Nothing_matches() => Assert.Equal("", Search("zzz"));
    [Fact] public void Embedded_entries_have_no_file_and_are_left_out() => Assert.Equal("", Search("lora", "training.yaml"));
    [Fact] public void Embedded_entries_are_there_when_asked_for() => Assert.Equal("LoRA, QLoRA, Flora", Search("lora", "glossary/training.yaml", includeEmbedded: true));
    [Fact] public void Asking_for_embedded_entries_changes_nothing_for_files_on_disk() => Assert.Equal("LoRA, QLoRA, Flora", Search("lora", includeEmbedded: true));

    [Fact]
    public void Asking_for_embedded_entries_adds_no_workspace_entry_without_a_file()
    {
        var parsed = GlossaryFileParser.Parse(Yaml, "team.glossary.yaml");
        var workspace = parsed with { Entries = parsed.Entries.Select(e => e with { IsBundled = false }).ToList() };
        Assert.Empty(WorkspaceSymbols.Search(Glossary.Build([workspace]), "lora", includeEmbedded: true));
    }

    [Fact]
    public void The_cap_is_500()
    {
        var yaml = "terms:\n" + string.Concat(Enumerable.Range(0, 600).Select(i => $"  - id: t{i}\n    term: T{i}\n    definition: {{ en: x }}\n"));
        var glossary = Glossary.Build([GlossaryFileParser.Parse(yaml, File)]);
        Assert.Equal(500, WorkspaceSymbols.Search(glossary, "").Count);
        Assert.Equal(111, WorkspaceSymbols.Search(glossary, "t1").Count); // T1, T10–T19, T100–T199
    }

    private const string TeamGlossary = """
        terms:
          - id: zorp
            term: ZORP
            expansion: Zero-Overhead Reward Propagation
            zh: [零开销奖励传播]
            category: training
            definition: { en: A made-up term for tests. }
        """;

    [Fact]
    public async Task Workspace_and_glossary_dir_entries_open_their_line()
    {
        Directory.CreateDirectory(Path.Combine(_workspace, "docs"));
        string team = Path.Combine(_workspace, "docs", "team.glossary.yaml");
        System.IO.File.WriteAllText(team, TeamGlossary);
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace);

        var zorp = Single(await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "零开销" }));
        Assert.Equal("ZORP (零开销奖励传播)", (string?)zorp["name"]);
        Assert.Equal(15, (int)zorp["kind"]!);
        Assert.Equal("training", (string?)zorp["containerName"]);
        Assert.Equal(new Uri(team).AbsoluteUri, (string?)zorp["location"]!["uri"]);
        Assert.Equal((1, 4), ((int)zorp["location"]!["range"]!["start"]!["line"]!, (int)zorp["location"]!["range"]!["start"]!["character"]!));

        // The bundled glossary read from a folder (--glossary-dir, here the test fixture) has files to open.
        var symbols = (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "lora" }))["result"]!.AsArray();
        Assert.Equal(["LoRA", "QLoRA"], symbols.Select(s => (string?)s!["name"]));
        string fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "test-glossary.yaml");
        Assert.Equal(new Uri(fixture).AbsoluteUri, (string?)symbols[0]!["location"]!["uri"]);
        int line = System.IO.File.ReadAllLines(fixture).ToList().FindIndex(l => l.Contains("id: lora"));
        Assert.Equal(line, (int)symbols[0]!["location"]!["range"]!["start"]!["line"]!);

        var all = (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]!.AsArray();
        Assert.Contains(all, s => (string?)s!["name"] == "ZORP");
        Assert.Contains(all, s => (string?)s!["name"] == "RAG");
    }

    [Fact]
    public async Task Entries_of_the_embedded_glossary_are_left_out_and_workspace_ones_stay()
    {
        System.IO.File.WriteAllText(Path.Combine(_workspace, "team.glossary.yaml"), TeamGlossary);
        await using var client = await InProcessClient.StartAsync(workspaceFolder: _workspace, embeddedGlossary: true);
        Assert.Empty((await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "lora" }))["result"]!.AsArray());
        var all = (await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]!.AsArray();
        Assert.Equal("ZORP", (string?)Assert.Single(all)!["name"]);
    }

    [Fact]
    public async Task The_capability_is_announced_and_bad_params_are_refused()
    {
        await using var client = new InProcessClient(null);
        var init = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        Assert.True((bool)init["result"]!["capabilities"]!["workspaceSymbolProvider"]!);
        var bad = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = 3 });
        Assert.Equal(-32602, (int)bad["error"]!["code"]!);
    }

    private static JsonNode Single(JsonObject response) => Assert.Single(response["result"]!.AsArray())!;
}
