using System.Globalization;

namespace Assistant.Bench.Pipeline;

/// <summary>The figures of one phase, from the posts and what the stand-in received for the phase's customers.</summary>
public sealed class PhaseOutcome
{
    public required string Name { get; init; }

    public required int Messages { get; init; }

    public required int PostErrors { get; init; }

    public required IReadOnlyList<string> PostErrorSamples { get; init; }

    /// <summary>Customers that got at least one text reply.</summary>
    public required int Replies { get; init; }

    /// <summary>Customers that got more than one text reply.</summary>
    public required int Duplicates { get; init; }

    /// <summary>Replies that are not the pack's greeting (wrong route or language).</summary>
    public required int NotGreeting { get; init; }

    public required int MarkReads { get; init; }

    /// <summary>Start of each POST to the stand-in receiving that customer's text reply, ascending, in ms.</summary>
    public required double[] ReplyLatencies { get; init; }

    /// <summary>Start of each POST to its mark-as-read at the stand-in, ascending, in ms.</summary>
    public required double[] ReadLatencies { get; init; }

    /// <summary>Start of each POST to the webhook's 200, ascending, in ms.</summary>
    public required double[] AckLatencies { get; init; }

    /// <summary>First POST started to last reply received, in s.</summary>
    public required double Seconds { get; init; }

    /// <summary>First POST started to last POST answered, in s.</summary>
    public required double PostSeconds { get; init; }

    public IReadOnlyList<string> MissingPhones { get; init; } = [];

    public StageBreakdown? Stages { get; set; }

    /// <summary>CPU milliseconds per text reply, per process group, over the phase.</summary>
    public Dictionary<string, double> CpuPerReply { get; set; } = [];

    /// <summary>Redis commands per text reply over the phase (all processes; idle polling included).</summary>
    public List<(string Command, double PerReply)> RedisPerReply { get; set; } = [];

    public double RepliesPerSecond => Seconds > 0 ? Replies / Seconds : 0;

    public static PhaseOutcome From(string name, int phase, IReadOnlyList<PostResult> posts, GraphTraffic traffic, CustomerMessages messages, IReadOnlySet<string> greetings)
    {
        var reply = new List<double>(posts.Count);
        var read = new List<double>(posts.Count);
        var missing = new List<string>();
        int replies = 0, duplicates = 0, notGreeting = 0, markReads = 0;
        var lastReply = long.MinValue;
        foreach (var post in posts)
        {
            var phone = CustomerMessages.PhoneOf(phase, post.N);
            var texts = traffic.TextsTo(phone);
            if (texts.Count == 0)
            {
                missing.Add(phone);
            }
            else
            {
                replies++;
                duplicates += texts.Count > 1 ? 1 : 0;
                notGreeting += greetings.Contains(texts[0].Body) ? 0 : 1;
                var first = texts.Min(t => t.At);
                reply.Add(Stats.Milliseconds(post.Started, first));
                lastReply = Math.Max(lastReply, first);
            }
            var reads = traffic.ReadsOf(messages.IdOf(phase, post.N));
            markReads += reads.Count;
            if (reads.Count > 0)
            {
                read.Add(Stats.Milliseconds(post.Started, reads.Min()));
            }
        }

        var firstPost = posts.Min(p => p.Started);
        var errors = posts.Where(p => p.Error is not null).ToList();
        return new PhaseOutcome
        {
            Name = name,
            Messages = posts.Count,
            PostErrors = errors.Count,
            PostErrorSamples = errors.Select(e => e.Error!).Distinct().Take(5).ToList(),
            Replies = replies,
            Duplicates = duplicates,
            NotGreeting = notGreeting,
            MarkReads = markReads,
            ReplyLatencies = [.. reply.Order()],
            ReadLatencies = [.. read.Order()],
            AckLatencies = [.. posts.Where(p => p.Error is null).Select(p => Stats.Milliseconds(p.Started, p.Answered)).Order()],
            Seconds = replies == 0 ? 0 : Stats.Milliseconds(firstPost, lastReply) / 1000,
            PostSeconds = Stats.Milliseconds(firstPost, posts.Max(p => p.Answered)) / 1000,
            MissingPhones = missing,
        };
    }

    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        string P(double[] v) => v.Length == 0 ? "n/a" : string.Create(c,
            $"p50 {Stats.Percentile(v, 0.50):F1}, p95 {Stats.Percentile(v, 0.95):F1}, p99 {Stats.Percentile(v, 0.99):F1}, max {v[^1]:F1} ms");
        return string.Join(Environment.NewLine,
            $"{Name}",
            string.Create(c, $"  posted {Messages} ({PostErrors} errors{(PostErrorSamples.Count > 0 ? ": " + string.Join(", ", PostErrorSamples) : "")}) in {PostSeconds:F2} s"),
            string.Create(c, $"  text replies: {Replies} of {Messages} customers, {Duplicates} customers with more than one, {NotGreeting} not the greeting; mark-as-read requests: {MarkReads}"),
            $"  webhook POST -> 200:           {P(AckLatencies)}",
            $"  webhook POST -> mark-as-read:  {P(ReadLatencies)}",
            $"  webhook POST -> text reply:    {P(ReplyLatencies)}",
            string.Create(c, $"  first POST -> last reply: {Seconds:F2} s = {RepliesPerSecond:F1} replies/s"),
            "  CPU per reply: " + string.Join(", ", CpuPerReply.Select(p => string.Create(c, $"{p.Key} {p.Value:F2} ms"))),
            string.Create(c, $"  Redis commands per reply: {RedisPerReply.Sum(r => r.PerReply):F1} ({string.Join(", ", RedisPerReply.Take(24).Select(r => string.Create(c, $"{r.Command} {r.PerReply:F1}")))})"),
            Stages?.Describe() ?? "");
    }

    public object ToJson() => new
    {
        messages = Messages,
        post_errors = PostErrors,
        replies = Replies,
        duplicates = Duplicates,
        not_greeting = NotGreeting,
        mark_reads = MarkReads,
        p50_ms = Round(Stats.Percentile(ReplyLatencies, 0.50)),
        p95_ms = Round(Stats.Percentile(ReplyLatencies, 0.95)),
        p99_ms = Round(Stats.Percentile(ReplyLatencies, 0.99)),
        max_ms = Round(ReplyLatencies.Length == 0 ? double.NaN : ReplyLatencies[^1]),
        ack_p50_ms = Round(Stats.Percentile(AckLatencies, 0.50)),
        read_p50_ms = Round(Stats.Percentile(ReadLatencies, 0.50)),
        seconds = Math.Round(Seconds, 2),
        replies_per_s = Math.Round(RepliesPerSecond, 1),
        stages = Stages?.ToJson(),
        cpu_ms_per_reply = CpuPerReply,
        redis_commands_per_reply = Math.Round(RedisPerReply.Sum(r => r.PerReply), 1),
    };

    private static double? Round(double v) => double.IsFinite(v) ? Math.Round(v, 1) : null;
}
