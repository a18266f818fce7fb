using System.Text.Json;
using Assistant.Eval;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Inbound;

public sealed class WebhooksVerbTests
{
    [Fact]
    public async Task Reports_each_file_and_ends_with_the_totals_and_fails_on_an_error()
    {
        var dir = Directory.CreateTempSubdirectory("webhooks-verb-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "nested"));
            await File.WriteAllTextAsync(Path.Combine(dir, "text.json"), Payloads.Text("wamid.V1")).Within();
            await File.WriteAllTextAsync(Path.Combine(dir, "nested", "status.json"), Payloads.Status("wamid.V2", "read")).Within();
            await File.WriteAllTextAsync(Path.Combine(dir, "nested", "broken.json"), "{\"object\":").Within();
            await File.WriteAllTextAsync(Path.Combine(dir, "notes.txt"), "not a body").Within();
            using var output = new StringWriter();

            var exit = await EvalCommand.RunAsync(["webhooks", "--dir", dir], output, CancellationToken.None).Within();

            var lines = output.ToString().TrimEnd().Split('\n');
            using var last = JsonDocument.Parse(lines[^1]);
            Assert.Equal(3, last.RootElement.GetProperty("files").GetInt32());
            Assert.Equal(2, last.RootElement.GetProperty("parsed").GetInt32());
            Assert.Equal(1, last.RootElement.GetProperty("errors").GetInt32());
            Assert.Equal(2, last.RootElement.GetProperty("events").GetInt32());
            Assert.NotEqual(0, exit);
            Assert.Contains(lines, l => l.Contains("broken.json", StringComparison.Ordinal) && l.StartsWith("ERROR", StringComparison.Ordinal));

            File.Delete(Path.Combine(dir, "nested", "broken.json"));
            Assert.Equal(0, await EvalCommand.RunAsync(["webhooks", "--dir", dir], TextWriter.Null, CancellationToken.None).Within());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
