namespace Assistant.Core.Intents;

/// <summary>
/// Optional dense sentence features for <see cref="LinearTextClassifier"/> (for example the
/// in-process MiniLM). Vectors should be unit length.
/// </summary>
public interface ISentenceEmbedder
{
    float[][] Embed(IReadOnlyList<string> texts);
}
