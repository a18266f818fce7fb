namespace Assistant.Core.Knowledge.Answering;

/// <summary>
/// The smallest piece an extractive answer quotes: a sentence, a list item or a table row
/// (rendered with its column headers so the numbers keep their meaning). <see cref="MatchText"/>
/// is what it is scored by (a list item also by its introducing line). <see cref="IsItem"/>: one
/// of several parallel items (list item, table row), each usually about a different thing.
/// </summary>
public sealed record AnswerUnit(string Text, string MatchText, int Position, bool IsItem = false);
