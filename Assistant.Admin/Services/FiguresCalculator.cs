using Assistant.Core.Conversations;
using Assistant.Core.Intents;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.Extensions.Options;

namespace Assistant.Admin.Services;

/// <summary>Computes <see cref="BusinessFigures"/> from the stored conversations, hand-offs, drafts and outbound records (docs/figures.md).</summary>
public sealed class FiguresCalculator(ConversationStore conversations, HandoffStore handoffs, DraftStore drafts, OutboundRecordStore outbound, IOptions<AdminOptions> options)
{
    private const string NoIntent = "none";

    public async Task<BusinessFigures> ComputeAsync(string businessId, DateTimeOffset from, DateTimeOffset to)
    {
        var grace = options.Value.AutomaticAnswerGrace;
        // The console's "Try it" customers are the business testing itself, not customers.
        var handoffList = (await handoffs.ListAsync(businessId, 100_000))
            .Where(h => h.CreatedAt >= from && h.CreatedAt < to && !ConsoleTestContact.IsTestConversation(h.ConversationKey))
            .ToList();
        var handedOffKeys = handoffList.Select(h => h.ConversationKey).ToHashSet(StringComparer.Ordinal);

        // A conversation whose last activity is before the period cannot have a line in it.
        var keys = await conversations.ListKeysAsync(businessId, from, null);
        var perConversation = new List<ConversationFigures>();
        foreach (var key in keys.Where(k => !ConsoleTestContact.IsTestConversation(k)))
        {
            var lines = await conversations.GetMessagesAsync(key, int.MaxValue);
            var inPeriod = lines.Where(l => l.At >= from && l.At < to).ToList();
            if (!inPeriod.Any(l => l.Author == MessageAuthor.Customer))
            {
                continue;
            }
            perConversation.Add(await MeasureAsync(key, lines, inPeriod, handedOffKeys.Contains(key), grace));
        }

        var draftList = (await drafts.ListAllAsync(businessId, 100_000))
            .Where(d => d.CreatedAt >= from && d.CreatedAt < to && !ConsoleTestContact.IsTestConversation(d.ConversationKey))
            .ToList();
        var intents = perConversation
            .SelectMany(c => c.Intents.Select(i => (Intent: i, Conversation: c)))
            .GroupBy(x => x.Intent, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var members = g.Select(x => x.Conversation).ToList();
                var latencies = members.SelectMany(c => c.Latencies.Where(l => l.Intent == g.Key).Select(l => l.Ms)).ToList();
                return new IntentFigures(
                    g.Key,
                    members.Count,
                    members.Sum(c => c.RepliesByIntent.GetValueOrDefault(g.Key)),
                    Share(members.Count(c => c.AnsweredAutomatically), members.Count),
                    Share(members.Count(c => c.HandedOff), members.Count),
                    Latency(latencies));
            })
            .ToList();

        return new BusinessFigures(
            businessId,
            from,
            to,
            perConversation.Count,
            perConversation.Sum(c => c.In),
            perConversation.Sum(c => c.Out),
            Share(perConversation.Count(c => c.AnsweredAutomatically), perConversation.Count),
            Share(perConversation.Count(c => c.HandedOff), perConversation.Count),
            new DraftFigures(
                draftList.Count,
                draftList.Count(d => d.Status == DraftStatus.Approved),
                draftList.Count(d => d.Status == DraftStatus.Edited),
                draftList.Count(d => d.Status == DraftStatus.Rejected),
                draftList.Count(d => d.Status == DraftStatus.Escalated || d.HoldingReplySent),
                draftList.Count(d => d.Status == DraftStatus.Pending)),
            Latency(perConversation.SelectMany(c => c.Latencies.Select(l => l.Ms)).ToList()),
            intents);
    }

    private async Task<ConversationFigures> MeasureAsync(string key, IReadOnlyList<ConversationMessage> all, List<ConversationMessage> inPeriod, bool handedOff, TimeSpan grace)
    {
        var customerLines = inPeriod.Where(l => l.Author == MessageAuthor.Customer).ToList();
        var replies = inPeriod.Where(l => l.Author is MessageAuthor.Bot or MessageAuthor.Agent).ToList();
        var personTouched = inPeriod.Any(l => l.Author is MessageAuthor.Agent or MessageAuthor.BusinessPhone or MessageAuthor.Note || l.AgentName is not null);
        var firstBotReply = replies.FirstOrDefault(l => l.Author == MessageAuthor.Bot && l.AgentName is null);

        // Asked for a person within the grace time after the bot's first answer (looking past the
        // period's end: a request the day after still says the answer did not do).
        var askedForPerson = firstBotReply is not null && all.Any(l =>
            l.Intent == IntentIds.HumanRequest && l.At >= firstBotReply.At && l.At <= firstBotReply.At + grace);
        var answeredAutomatically = firstBotReply is not null && !personTouched && !handedOff && !askedForPerson;

        var latencies = new List<(string Intent, double Ms)>();
        var repliesByIntent = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reply in replies)
        {
            var intent = reply.Intent ?? NoIntent;
            repliesByIntent[intent] = repliesByIntent.GetValueOrDefault(intent) + 1;
            if (reply.ReceivedAt is not { } received || reply.OutboundId is null)
            {
                continue;
            }
            var sentAt = ConversationBrowser.SentAt(await outbound.GetAsync(reply.OutboundId));
            if (sentAt is { } sent && sent >= received)
            {
                latencies.Add((intent, (sent - received).TotalMilliseconds));
            }
        }

        var intents = replies.Select(r => r.Intent).Concat(customerLines.Select(c => c.Intent)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (intents.Count == 0)
        {
            intents.Add(NoIntent);
        }
        return new ConversationFigures(key, customerLines.Count, replies.Count, answeredAutomatically, handedOff, latencies, repliesByIntent, intents);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>Nearest-rank percentiles.</summary>
    private static LatencyFigures Latency(List<double> values)
    {
        if (values.Count == 0)
        {
            return new LatencyFigures(0, null, null);
        }
        values.Sort();
        return new LatencyFigures(values.Count, Percentile(values, 0.50), Percentile(values, 0.95));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record ConversationFigures(
        string Key,
        int In,
        int Out,
        bool AnsweredAutomatically,
        bool HandedOff,
        List<(string Intent, double Ms)> Latencies,
        Dictionary<string, int> RepliesByIntent,
        List<string> Intents);
}
