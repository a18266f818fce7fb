using Assistant.Core.Businesses;

namespace Assistant.Admin.Services;

/// <summary>Moves whole packs between Redis and zips: import writes profile, knowledge and customizations, then re-ingests.</summary>
public sealed class BusinessPackService(BusinessDirectory directory, KnowledgeFileStore knowledge, BusinessCustomizationStore customization, KnowledgeIngestionQueue ingestion)
{
    public async Task ImportAsync(BusinessPack pack)
    {
        await directory.UpsertAsync(pack.Profile);
        await knowledge.ReplaceAllAsync(pack.Profile.Id, pack.Knowledge);
        await customization.SetExamplesAsync(pack.Profile.Id, pack.Examples);
        await customization.SetResponsesAsync(pack.Profile.Id, pack.Responses);
        await ingestion.QueueAsync(pack.Profile.Id);
    }

    public async Task<BusinessPack?> ExportAsync(string businessId)
    {
        var profile = await directory.GetAsync(businessId);
        return profile is null
            ? null
            : new BusinessPack(profile, await knowledge.GetAllAsync(businessId), await customization.GetExamplesAsync(businessId), await customization.GetResponsesAsync(businessId));
    }
}
