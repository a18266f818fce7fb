namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// The kind of fact a question expects ("quanto costa" → an amount, "in che anno" → a year) and
/// a statement can give. Language-independent shapes, not topics: they hold for any business.
/// </summary>
[Flags]
public enum AnswerKind
{
    None = 0,
    Quantity = 1,
    Money = 2,
    Time = 4,
    Year = 8,
    Percent = 16,
    Person = 32,
}
