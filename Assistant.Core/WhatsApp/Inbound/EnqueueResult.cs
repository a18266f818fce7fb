namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>How many events of one call were new and how many had already been queued.</summary>
public readonly record struct EnqueueResult(int Added, int Duplicates);
