namespace Assistant.Core.Intents;

/// <summary>
/// The classifier's answer for one message. <see cref="Alternatives"/> holds the best three
/// intents, the predicted one first. A low confidence is a result in its own right: callers
/// ask <see cref="IsConfident"/> and hand over to a person rather than guess.
/// </summary>
/// <param name="Intent">The most probable intent id (<see cref="IntentIds"/>).</param>
/// <param name="Confidence">Its softmax probability, 0..1.</param>
/// <param name="Alternatives">The top three intents with their probabilities, best first.</param>
/// <param name="Language">ISO 639-1 code from <see cref="LanguageDetector"/>, or null when the text says too little.</param>
public sealed record IntentPrediction(string Intent, double Confidence, IReadOnlyList<IntentScore> Alternatives, string? Language)
{
    public bool IsConfident(double threshold) => Confidence >= threshold;
}
