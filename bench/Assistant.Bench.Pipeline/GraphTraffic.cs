using System.Text.Json.Nodes;
using Assistant.Tests.Outbound;

namespace Assistant.Bench.Pipeline;

/// <summary>
/// What reached the Graph API stand-in, indexed the way the bench asks: text replies by recipient
/// (<c>to</c>), mark-as-read requests by the customer message they mark. Drains the stand-in's queue.
/// </summary>
public sealed class GraphTraffic(GraphApiStandIn standIn)
{
    private readonly Dictionary<string, List<(long At, string Body)>> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _reads = new(StringComparer.Ordinal);

    public int Requests { get; private set; }

    public int Other { get; private set; }

    /// <summary>Requests seen since the last call; takes them off the stand-in's queue.</summary>
    public int Collect()
    {
        var count = 0;
        while (standIn.Requests.TryDequeue(out var request))
        {
            count++;
            var json = JsonNode.Parse(request.Body)?.AsObject();
            if (json?["status"]?.GetValue<string>() == "read" && json["message_id"]?.GetValue<string>() is { } marked)
            {
                Add(_reads, marked, request.Timestamp);
            }
            else if (json?["type"]?.GetValue<string>() == "text" && json["to"]?.GetValue<string>() is { } to)
            {
                if (!_texts.TryGetValue(to, out var list))
                {
                    _texts[to] = list = [];
                }
                list.Add((request.Timestamp, json["text"]?["body"]?.GetValue<string>() ?? ""));
            }
            else
            {
                Other++;
            }
        }
        Requests += count;
        return count;
    }

    public IReadOnlyList<(long At, string Body)> TextsTo(string phone) => _texts.TryGetValue(phone, out var list) ? list : [];

    public IReadOnlyList<long> ReadsOf(string messageId) => _reads.TryGetValue(messageId, out var list) ? list : [];

    /// <summary>Collects until every phone has a text and every message id a mark-as-read, or nothing new has arrived for <paramref name="quiet"/>.</summary>
    public async Task WaitForAsync(IReadOnlyList<string> phones, IReadOnlyList<string> messageIds, TimeSpan quiet)
    {
        var lastProgress = DateTime.UtcNow;
        while (true)
        {
            if (Collect() > 0)
            {
                lastProgress = DateTime.UtcNow;
            }
            if (phones.All(p => _texts.ContainsKey(p)) && messageIds.All(_reads.ContainsKey))
            {
                break;
            }
            if (DateTime.UtcNow - lastProgress > quiet)
            {
                break;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>A further second, so that duplicates sent right after the last reply are counted too.</summary>
    public async Task SettleAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        Collect();
    }

    private static void Add(Dictionary<string, List<long>> index, string key, long at)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(at);
    }
}
