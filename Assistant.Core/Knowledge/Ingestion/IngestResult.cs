namespace Assistant.Core.Knowledge.Ingestion;

/// <summary>What one ingestion run did, per file and per passage.</summary>
public sealed record IngestResult(int Added, int Changed, int Unchanged, int Removed, int PassagesEmbedded, int PassagesTotal, TimeSpan Elapsed)
{
    public bool NothingChanged => Added == 0 && Changed == 0 && Removed == 0;
}
