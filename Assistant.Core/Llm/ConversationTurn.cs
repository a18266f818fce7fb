namespace Assistant.Core.Llm;

/// <summary>One message of a conversation, as the prompt and the summariser see it.</summary>
public sealed record ConversationTurn(ConversationRole Role, string Text);
