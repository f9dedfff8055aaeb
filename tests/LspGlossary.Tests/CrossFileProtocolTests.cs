using System.Text.Json.Nodes;

namespace LspGlossary.Tests;

/// <summary>
/// References, rename, code lens, watched files, workspace folders and index progress over the protocol, with the
/// server reading an in-memory workspace (<see cref="MemoryWorkspace"/>).
/// </summary>
public class CrossFileProtocolTests
{
    private const string Team = """
        terms:
          - id: zorp
            term: ZORP
            expansion: Zero-Overhead Reward Propagation
            zh: [零开销奖励传播]
            variants: [Zorp]
            category: training
            definition: { en: A made-up team term. }
        """;

    private static WorkspaceFixture Workspace(string a = "We train with ZORP and LoRA.") => WorkspaceFixture.Parse($"""
        --- team.glossary.yaml
        {Team}
        --- docs/a.md
        {a}
        --- docs/b.md
        零开销奖励传播 (ZORP) beats Zorp; see LoRA.
        --- src/x.py
        # ZORP in a comment; ZORP_RATE is code
        ZORP_RATE = 1
        """);

    private static JsonObject Caps(bool prepare = true, bool progress = false) => new()
    {
        ["textDocument"] = new JsonObject { ["rename"] = new JsonObject { ["prepareSupport"] = prepare } },
        ["window"] = new JsonObject { ["workDoneProgress"] = progress },
        ["workspace"] = new JsonObject { ["workspaceFolders"] = true },
    };

    private static Task<InProcessClient> Start(WorkspaceFixture fixture, JsonObject? capabilities = null, Func<JsonObject, JsonNode?>? handler = null, IReadOnlyList<string>? folders = null) =>
        InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: folders ?? [fixture.Workspace.Root], capabilities: capabilities ?? Caps(), requestHandler: handler);

    private static string Rel(WorkspaceFixture fixture, string uri) =>
        Path.GetRelativePath(fixture.Workspace.Root, new Uri(uri).LocalPath).Replace('\\', '/');

    private static string Locations(WorkspaceFixture fixture, JsonNode? result) =>
        string.Join("; ", result!.AsArray().Select(l => $"{Rel(fixture, (string)l!["uri"]!)}:{l["range"]!["start"]!["line"]}:{l["range"]!["start"]!["character"]}"));

    private static JsonObject At(string uri, int line, int character, JsonObject? extra = null)
    {
        var p = InProcessClient.Position(uri, line, character);
        foreach (var (k, v) in extra ?? []) p[k] = v?.DeepClone();
        return p;
    }

    [Fact]
    public async Task References_on_a_term_list_its_uses_in_every_file_and_spelling()
    {
        var fixture = Workspace("We train with ZO$0RP and LoRA.");
        await using var client = await Start(fixture);
        await client.OpenAsync(fixture.CursorUri, fixture.Workspace.Files[fixture.CursorFile!]);
        var response = await client.RequestAsync("textDocument/references", At(fixture.CursorUri, fixture.CursorLine, fixture.CursorCharacter,
            new JsonObject { ["context"] = new JsonObject { ["includeDeclaration"] = false } }));
        Assert.Equal("docs/a.md:0:14; docs/b.md:0:0; docs/b.md:0:9; docs/b.md:0:21; src/x.py:0:2", Locations(fixture, response["result"]));
    }

    [Fact]
    public async Task Closing_a_document_brings_back_its_file_and_events_outside_the_folders_read_nothing()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string a = fixture.Uri("docs/a.md"), b = fixture.Uri("docs/b.md");
        await client.OpenAsync(a, "We train with ZORP and LoRA.\n");
        await client.OpenAsync(b, "Unsaved text without the term.\n");
        Assert.DoesNotContain("docs/b.md", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = b } });
        Assert.Contains("docs/b.md:0:9", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
        string outside = Path.Combine(Path.GetTempPath(), "elsewhere-" + Guid.NewGuid().ToString("N")[..6], "secret.md");
        fixture.Workspace.Files[outside] = "ZORP outside.\n";
        int reads = fixture.Workspace.Reads;
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(outside).AbsoluteUri, ["type"] = 1 }, new JsonObject { ["uri"] = "not a uri", ["type"] = 2 }),
        });
        Assert.DoesNotContain("secret.md", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
        Assert.Equal(reads, fixture.Workspace.Reads);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = "garbage" });
        Assert.NotNull((await client.RequestAsync("textDocument/hover", At(a, 0, 15)))["result"]);
    }

    [Fact]
    public async Task References_follow_the_open_text_and_can_include_the_declaration()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "Nothing on line one.\nZORP, ZORP.\n"); // unsaved: the disk still has the old text
        var response = await client.RequestAsync("textDocument/references", At(a, 1, 1, new JsonObject { ["context"] = new JsonObject { ["includeDeclaration"] = true } }));
        string found = Locations(fixture, response["result"]);
        Assert.StartsWith("team.glossary.yaml:1:", found);
        Assert.Contains("docs/a.md:1:0; docs/a.md:1:6; docs/b.md", found);
        Assert.DoesNotContain("docs/a.md:0:", found);
    }

    [Fact]
    public async Task References_on_an_entry_of_an_open_glossary_file()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string glossary = fixture.Uri("team.glossary.yaml");
        await client.OpenAsync(glossary, Team + "\n", "yaml");
        var response = await client.RequestAsync("textDocument/references", At(glossary, 3, 10, new JsonObject { ["context"] = new JsonObject { ["includeDeclaration"] = false } }));
        Assert.Equal("docs/a.md:0:14; docs/b.md:0:0; docs/b.md:0:9; docs/b.md:0:21; src/x.py:0:2", Locations(fixture, response["result"]));
    }

    [Fact]
    public async Task References_leave_out_wrong_spellings_when_the_setting_says_so()
    {
        var fixture = Workspace();
        await using var client = await InProcessClient.StartAsync(workspace: fixture.Workspace, workspaceFolders: [fixture.Workspace.Root], capabilities: Caps(),
            initializationOptions: new JsonObject { ["references"] = new JsonObject { ["includeWrongSpellings"] = false } });
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "We train with ZORP and LoRA.\n");
        var response = await client.RequestAsync("textDocument/references", At(a, 0, 15));
        Assert.DoesNotContain("docs/b.md:0:21", Locations(fixture, response["result"]));
    }

    [Fact]
    public async Task A_watched_file_change_updates_that_file_in_the_index()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "We train with ZORP and LoRA.\n");
        Assert.Contains("src/x.py", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
        int reads = fixture.Workspace.Reads;
        fixture.Workspace.Files[fixture.Workspace.PathOf("src/x.py")] = "# nothing\n";
        fixture.Workspace.Files[fixture.Workspace.PathOf("docs/new.md")] = "More ZORP.\n";
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(
                new JsonObject { ["uri"] = fixture.Uri("src/x.py"), ["type"] = 2 },
                new JsonObject { ["uri"] = fixture.Uri("docs/new.md"), ["type"] = 1 }),
        });
        string found = Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]);
        Assert.DoesNotContain("src/x.py", found);
        Assert.Contains("docs/new.md:0:5", found);
        Assert.Equal(2, fixture.Workspace.Reads - reads); // those two files only
        fixture.Workspace.Files.Remove(fixture.Workspace.PathOf("docs/new.md"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = fixture.Uri("docs/new.md"), ["type"] = 3 }),
        });
        Assert.DoesNotContain("docs/new.md", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
    }

    [Fact]
    public async Task A_folder_added_later_is_indexed_and_its_glossary_loaded()
    {
        var fixture = Workspace();
        string second = fixture.Workspace.PathOf("../second-" + Guid.NewGuid().ToString("N")[..6]);
        second = Path.GetFullPath(second);
        fixture.Workspace.Files[Path.Combine(second, "notes.md")] = "ZORP here, and BLIP.\n";
        fixture.Workspace.Files[Path.Combine(second, "more.glossary.yaml")] = "terms:\n  - id: blip\n    term: BLIP\n    category: general\n    definition: { en: x }\n";
        await using var client = await Start(fixture);
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "We train with ZORP and LoRA.\n");
        Assert.DoesNotContain("notes.md", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
        await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject { ["added"] = new JsonArray(new JsonObject { ["uri"] = new Uri(second).AbsoluteUri, ["name"] = "second" }), ["removed"] = new JsonArray() },
        });
        await Task.Delay(200);
        Assert.Contains("second-", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
        string notes = new Uri(Path.Combine(second, "notes.md")).AbsoluteUri;
        await client.OpenAsync(notes, "ZORP here, and BLIP.\n");
        var hover = await client.RequestAsync("textDocument/hover", InProcessClient.Position(notes, 0, 16));
        Assert.NotNull(hover["result"]); // the added folder's glossary is in use
        await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject { ["added"] = new JsonArray(), ["removed"] = new JsonArray(new JsonObject { ["uri"] = new Uri(second).AbsoluteUri, ["name"] = "second" }) },
        });
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = notes } });
        await Task.Delay(200);
        Assert.DoesNotContain("second-", Locations(fixture, (await client.RequestAsync("textDocument/references", At(a, 0, 15)))["result"]));
    }

    [Fact]
    public async Task Rename_writes_the_glossary_and_every_use_in_the_old_spelling()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "Unsaved: ZORP.\n");
        var prepare = await client.RequestAsync("textDocument/prepareRename", At(a, 0, 10));
        Assert.Equal("ZORP", (string?)prepare["result"]!["placeholder"]);
        Assert.Equal(9, (int)prepare["result"]!["range"]!["start"]!["character"]!);
        var response = await client.RequestAsync("textDocument/rename", At(a, 0, 10, new JsonObject { ["newName"] = "ZORP-2" }));
        var changes = response["result"]!["changes"]!.AsObject();
        var edits = changes.ToDictionary(kv => Rel(fixture, kv.Key), kv => string.Join(",", kv.Value!.AsArray().Select(e => $"{e!["range"]!["start"]!["line"]}:{e["range"]!["start"]!["character"]}={e["newText"]}")));
        Assert.Equal("docs/a.md,docs/b.md,src/x.py,team.glossary.yaml", string.Join(",", edits.Keys.Order(StringComparer.Ordinal)));
        Assert.Equal("0:9=ZORP-2", edits["docs/a.md"]);          // the open text, not the disk's
        Assert.Equal("0:9=ZORP-2", edits["docs/b.md"]);          // not the Chinese name, not the wrong 'Zorp'
        Assert.Equal("0:2=ZORP-2", edits["src/x.py"]);           // not ZORP_RATE
        Assert.Equal("2:10=ZORP-2", edits["team.glossary.yaml"]);
    }

    [Fact]
    public async Task Rename_of_a_bundled_term_is_refused_with_how_to_override_it()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "We train with ZORP and LoRA.\n");
        var prepare = await client.RequestAsync("textDocument/prepareRename", At(a, 0, 24));
        Assert.Equal(-32803, (int)prepare["error"]!["code"]!);
        Assert.Contains("id: lora", (string?)prepare["error"]!["message"]);
        var rename = await client.RequestAsync("textDocument/rename", At(a, 0, 24, new JsonObject { ["newName"] = "LoRA2" }));
        Assert.Equal(-32803, (int)rename["error"]!["code"]!);
        var bad = await client.RequestAsync("textDocument/rename", At(a, 0, 15, new JsonObject { ["newName"] = "LoRA" }));
        Assert.Contains("already a spelling of 'LoRA'", (string?)bad["error"]!["message"]);
        var none = await client.RequestAsync("textDocument/prepareRename", At(a, 0, 3));
        Assert.Null(none["result"]);
        var malformed = await client.RequestAsync("textDocument/rename", new JsonObject { ["textDocument"] = 5 });
        Assert.Equal(-32602, (int)malformed["error"]!["code"]!);
        var hover = await client.RequestAsync("textDocument/hover", At(a, 0, 15));
        Assert.NotNull(hover["result"]); // still serving
    }

    [Fact]
    public async Task Positions_past_the_line_end_or_the_last_line_answer_null_and_the_server_keeps_serving()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "We train with ZORP and LoRA.\n");
        foreach (var (line, character) in new[] { (0, 500), (9, 0), (int.MaxValue, int.MaxValue) })
        {
            foreach (var method in new[] { "textDocument/references", "textDocument/prepareRename" })
            {
                var response = await client.RequestAsync(method, At(a, line, character));
                Assert.Null(response["error"]);
                Assert.Null(response["result"]);
            }
            var rename = await client.RequestAsync("textDocument/rename", At(a, line, character, new JsonObject { ["newName"] = "X" }));
            Assert.Null(rename["result"]);
        }
        Assert.NotNull((await client.RequestAsync("textDocument/hover", At(a, 0, 15)))["result"]);
    }

    [Fact]
    public async Task Rename_capability_follows_prepare_support()
    {
        var fixture = Workspace();
        await using var with = await Start(fixture);
        var withInit = with.Received.First(m => m["result"]?["capabilities"] is not null);
        Assert.True((bool)withInit["result"]!["capabilities"]!["renameProvider"]!["prepareProvider"]!);
        await using var without = await Start(fixture, Caps(prepare: false));
        var withoutInit = without.Received.First(m => m["result"]?["capabilities"] is not null);
        Assert.True((bool)withoutInit["result"]!["capabilities"]!["renameProvider"]!);
        Assert.True((bool)withoutInit["result"]!["capabilities"]!["workspace"]!["workspaceFolders"]!["changeNotifications"]!);
    }

    [Fact]
    public async Task Code_lenses_count_uses_of_each_entry_of_a_glossary_file()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture);
        string glossary = fixture.Uri("team.glossary.yaml");
        await client.OpenAsync(glossary, Team + "\n", "yaml");
        await client.RequestAsync("textDocument/references", At(glossary, 2, 10)); // waits for the index
        var response = await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = glossary } });
        var lens = response["result"]!.AsArray().Single()!;
        Assert.Equal("5 uses in 3 files", (string?)lens["command"]!["title"]);
        Assert.Equal("lspGlossary.showReferences", (string?)lens["command"]!["command"]);
        Assert.Equal(2, (int)lens["range"]!["start"]!["line"]!);
        string a = fixture.Uri("docs/a.md");
        await client.OpenAsync(a, "No use any more.\n");
        var after = await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = glossary } });
        Assert.Equal("4 uses in 2 files", (string?)after["result"]![0]!["command"]!["title"]);
        var other = await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = a } });
        Assert.Null(other["result"]);
    }

    [Fact]
    public async Task Indexing_reports_work_done_progress_to_clients_that_support_it()
    {
        var fixture = Workspace();
        await using var client = await Start(fixture, Caps(progress: true), handler: _ => null);
        var end = await client.WaitForNotificationAsync("$/progress", p => (string?)p["value"]!["kind"] == "end");
        Assert.Contains("uses in 4 files", (string?)end["value"]!["message"]);
        var token = (string?)end["token"];
        lock (client.Received)
        {
            Assert.Contains(client.Received, m => (string?)m["method"] == "window/workDoneProgress/create" && (string?)m["params"]!["token"] == token);
            Assert.Contains(client.Received, m => (string?)m["method"] == "$/progress" && (string?)m["params"]!["value"]!["kind"] == "begin");
        }
        await using var plain = await Start(fixture, Caps(progress: false), handler: _ => null);
        await plain.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = fixture.Uri("team.glossary.yaml") } });
        lock (plain.Received) Assert.DoesNotContain(plain.Received, m => (string?)m["method"] is "$/progress" or "window/workDoneProgress/create");
    }
}
