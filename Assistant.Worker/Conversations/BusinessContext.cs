using Assistant.Core.Businesses;
using Assistant.Core.Intents;

namespace Assistant.Worker.Conversations;

/// <summary>Everything the worker needs to answer for one business: its profile, its replies and its classifier.</summary>
public sealed record BusinessContext(
    BusinessProfile Profile,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Responses,
    IntentClassifier Classifier);
