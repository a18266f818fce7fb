namespace Assistant.Core.Llm;

public enum ConversationRole
{
    Customer,

    /// <summary>The business's side: the assistant or a person of the staff.</summary>
    Assistant,
}
