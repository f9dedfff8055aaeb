using System.Text.Json;
using System.Text.Json.Nodes;

namespace LspGlossary.Tests;

/// <summary>textDocument/documentHighlight and textDocument/inlayHint in process: capabilities, ranges, the setting.</summary>
public class HighlightAndInlayHintProtocolTests
{
    private const string Uri = "file:///doc.md";

    private static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    private static JsonObject InlayHintParams(int endLine) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri },
        ["range"] = Range(0, 0, endLine, 0),
    };

    [Fact]
    public async Task Both_are_announced_even_to_a_client_without_their_capabilities()
    {
        await using var client = await InProcessClient.StartAsync();
        var init = client.Received.First(m => m["result"]?["capabilities"] is not null)["result"]!["capabilities"]!;
        Assert.True((bool)init["documentHighlightProvider"]!);
        Assert.True((bool)init["inlayHintProvider"]!);
    }

    [Fact]
    public async Task Highlights_every_use_of_the_entry_with_kind_text()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "We use LoRA.\n低秩适配 and Lora, not RAG.\n");
        var response = await client.RequestAsync("textDocument/documentHighlight", InProcessClient.Position(Uri, 0, 8));
        var highlights = response["result"]!.AsArray();
        Assert.Equal(["0:7-0:11", "1:0-1:4", "1:9-1:13"], highlights.Select(h =>
            $"{h!["range"]!["start"]!["line"]}:{h["range"]!["start"]!["character"]}-{h["range"]!["end"]!["line"]}:{h["range"]!["end"]!["character"]}"));
        Assert.All(highlights, h => Assert.Equal(1, (int)h!["kind"]!));
    }

    [Fact]
    public async Task No_highlight_off_a_term_or_in_an_unknown_document()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "We use LoRA.");
        var off = await client.RequestAsync("textDocument/documentHighlight", InProcessClient.Position(Uri, 0, 1));
        Assert.Equal(JsonValueKind.Null, off["result"]?.GetValueKind() ?? JsonValueKind.Null);
        Assert.Null(off["error"]);
        var unknown = await client.RequestAsync("textDocument/documentHighlight", InProcessClient.Position("file:///other.md", 0, 8));
        Assert.Equal(JsonValueKind.Null, unknown["result"]?.GetValueKind() ?? JsonValueKind.Null);
        var bad = await client.RequestAsync("textDocument/documentHighlight", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        Assert.Equal(-32602, (int)bad["error"]!["code"]!);
    }

    [Fact]
    public async Task Inlay_hints_only_with_the_setting()
    {
        await using var client = await InProcessClient.StartAsync();
        await client.OpenAsync(Uri, "We use LoRA.\nRAG (Retrieval-Augmented Generation) and LoRA.\n");
        var off = await client.RequestAsync("textDocument/inlayHint", InlayHintParams(2));
        Assert.Empty(off["result"]!.AsArray());

        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"inlayHints":{"expansion":true}}}}"""));
        var on = (await client.RequestAsync("textDocument/inlayHint", InlayHintParams(2)))["result"]!.AsArray();
        var hint = Assert.Single(on)!;
        Assert.Equal(0, (int)hint["position"]!["line"]!);
        Assert.Equal(11, (int)hint["position"]!["character"]!);
        Assert.Equal("(Low-Rank Adaptation)", (string?)hint["label"]);
        Assert.True((bool)hint["paddingLeft"]!);
        Assert.Null(hint["kind"]);

        // Only the requested range: the second line has no first use without its expansion.
        var secondLine = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["range"] = Range(1, 0, 2, 0) };
        Assert.Empty((await client.RequestAsync("textDocument/inlayHint", secondLine))["result"]!.AsArray());

        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"inlayHints":{"expansion":false}}}}"""));
        Assert.Empty((await client.RequestAsync("textDocument/inlayHint", InlayHintParams(2)))["result"]!.AsArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_change_of_the_setting_asks_clients_that_can_to_refresh(bool refreshSupport)
    {
        await using var client = await InProcessClient.StartAsync(
            capabilitiesJson: """{"workspace":{"inlayHint":{"refreshSupport":""" + (refreshSupport ? "true" : "false") + "}}}",
            requestHandler: _ => null);
        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"diagnostics":{"severity":"error"}}}}"""));
        await client.NotifyAsync("workspace/didChangeConfiguration", JsonNode.Parse("""{"settings":{"lspGlossary":{"inlayHints":{"expansion":true}}}}"""));
        await client.OpenAsync(Uri, "Lora");
        // Diagnostics of the document come after both settings were applied.
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p["diagnostics"]!.AsArray().Count == 1);
        await client.RequestAsync("textDocument/inlayHint", InlayHintParams(1));
        JsonObject[] refreshes;
        lock (client.Received) refreshes = [.. client.Received.Where(m => (string?)m["method"] == "workspace/inlayHint/refresh")];
        Assert.Equal(refreshSupport ? 1 : 0, refreshes.Length);
        if (refreshSupport)
        {
            Assert.NotNull(refreshes[0]["id"]);
            Assert.False(refreshes[0].ContainsKey("params")); // no params: not even null
        }
    }

    [Fact]
    public async Task Inlay_hint_setting_from_initialization_options_and_bad_params()
    {
        await using var client = await InProcessClient.StartAsync(
            initializationOptions: JsonNode.Parse("""{"inlayHints":{"expansion":true}}""")!.AsObject());
        await client.OpenAsync(Uri, "我们用LoRA微调。\n");
        var hint = Assert.Single((await client.RequestAsync("textDocument/inlayHint", InlayHintParams(1)))["result"]!.AsArray())!;
        Assert.Equal(7, (int)hint["position"]!["character"]!);
        var bad = await client.RequestAsync("textDocument/inlayHint", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        Assert.Equal(-32602, (int)bad["error"]!["code"]!);
    }
}
