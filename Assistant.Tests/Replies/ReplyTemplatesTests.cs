using Assistant.Core.Businesses;
using Assistant.Core.Intents;
using Assistant.Core.Replies;

namespace Assistant.Tests.Replies;

public sealed class ReplyTemplatesTests
{
    private static readonly BusinessProfile Business = new()
    {
        Id = "studio-test",
        Name = "Studio Bianchi",
        PhoneNumberId = "1",
        Timezone = "Europe/Rome",
        Languages = ["it", "en"],
        DisplayPhoneNumber = "+39 02 1234 5678",
    };

    public static TheoryData<string> AllKeys()
    {
        var keys = new TheoryData<string>
        {
            ReplyKeys.Greeting, ReplyKeys.ThanksGoodbye, ReplyKeys.FeedbackPositive, ReplyKeys.OptOut, ReplyKeys.OutOfScope,
            ReplyKeys.UrgentIssue, ReplyKeys.HandoffGeneric, ReplyKeys.HandoffLowConfidence, ReplyKeys.OutsideHours,
            ReplyKeys.MediaPhoto, ReplyKeys.MediaVoice, ReplyKeys.MediaVideo, ReplyKeys.MediaDocument, ReplyKeys.MediaSticker,
            ReplyKeys.MediaLocation, ReplyKeys.MediaContacts,
        };
        foreach (var intent in ReplyKeys.HandoffIntents)
        {
            keys.Add(ReplyKeys.Handoff(intent));
        }
        return keys;
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_key_renders_in_both_languages_and_tones_without_leftovers(string key)
    {
        var texts = new List<string>();
        foreach (var language in new[] { "it", "en" })
        {
            foreach (var tone in new[] { BusinessTone.Formal, BusinessTone.Friendly })
            {
                var text = ReplyTemplates.Render(key, language, tone, Business);
                Assert.False(string.IsNullOrWhiteSpace(text));
                Assert.DoesNotContain("{", text);
                Assert.DoesNotContain("[[", text);
                Assert.DoesNotContain("  ", text);
                texts.Add(text);
            }
        }
        Assert.Equal(4, texts.Distinct().Count());
    }

    [Fact]
    public void Italian_tones_use_lei_and_tu()
    {
        var formal = ReplyTemplates.Render(ReplyKeys.Greeting, "it", BusinessTone.Formal, Business);
        var friendly = ReplyTemplates.Render(ReplyKeys.Greeting, "it", BusinessTone.Friendly, Business);
        Assert.Equal("Buongiorno, sono l'assistente virtuale di Studio Bianchi. Come posso aiutarLa?", formal);
        Assert.Equal("Ciao! Sono l'assistente di Studio Bianchi 😊 Come posso aiutarti?", friendly);
    }

    [Fact]
    public void Customer_name_is_filled_when_known()
    {
        var text = ReplyTemplates.Render(ReplyKeys.Greeting, "en", BusinessTone.Friendly, Business,
            placeholders: new Dictionary<string, string?> { ["customerName"] = "Anna" });
        Assert.Equal("Hi Anna! I'm the assistant of Studio Bianchi 😊 How can I help?", text);

        var thanks = ReplyTemplates.Render(ReplyKeys.FeedbackPositive, "it", BusinessTone.Formal, Business);
        Assert.StartsWith("La ringraziamo molto per le belle parole! ", thanks);
    }

    [Fact]
    public void Urgent_reply_says_112_and_gives_the_phone_only_when_known()
    {
        var withPhone = ReplyTemplates.Render(ReplyKeys.UrgentIssue, "it", BusinessTone.Formal, Business);
        Assert.Contains("112", withPhone);
        Assert.Contains("+39 02 1234 5678", withPhone);

        var withoutPhone = ReplyTemplates.Render(ReplyKeys.UrgentIssue, "en", BusinessTone.Friendly, Business with { DisplayPhoneNumber = null });
        Assert.Contains("112", withoutPhone);
        Assert.DoesNotContain("call us on", withoutPhone);
    }

    [Fact]
    public void Responses_json_overrides_per_intent_and_language_with_placeholders()
    {
        var responses = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [IntentIds.Greeting] = new Dictionary<string, string> { ["it"] = "Benvenuto da {businessName}, {customerName}! Chiamaci al {displayPhoneNumber}." },
        };
        var placeholders = new Dictionary<string, string?> { ["customerName"] = "Luca" };

        var italian = ReplyTemplates.Render(ReplyKeys.Greeting, "it", BusinessTone.Friendly, Business, responses, placeholders);
        var english = ReplyTemplates.Render(ReplyKeys.Greeting, "en", BusinessTone.Friendly, Business, responses, placeholders);

        Assert.Equal("Benvenuto da Studio Bianchi, Luca! Chiamaci al +39 02 1234 5678.", italian);
        Assert.StartsWith("Hi Luca!", english);
    }

    [Fact]
    public void A_language_the_business_does_not_list_falls_back_to_its_default()
    {
        var italianOnly = Business with { Languages = ["it"] };
        Assert.Equal(
            ReplyTemplates.Render(ReplyKeys.OptOut, "it", BusinessTone.Formal, italianOnly),
            ReplyTemplates.Render(ReplyKeys.OptOut, "en", BusinessTone.Formal, italianOnly));
        Assert.Equal(
            ReplyTemplates.Render(ReplyKeys.OptOut, "it", BusinessTone.Formal, Business),
            ReplyTemplates.Render(ReplyKeys.OptOut, "de", BusinessTone.Formal, Business));
        Assert.Equal("it", ReplyTemplates.ResolveLanguage(null, Business));
        Assert.Equal("en", ReplyTemplates.ResolveLanguage("EN", Business));
    }

    [Fact]
    public void Extra_placeholders_fill_optional_parts()
    {
        var closed = ReplyTemplates.Render(ReplyKeys.OutsideHours, "it", BusinessTone.Formal, Business);
        var reopening = ReplyTemplates.Render(ReplyKeys.OutsideHours, "it", BusinessTone.Formal, Business,
            placeholders: new Dictionary<string, string?> { ["opensAt"] = "domani alle 9" });
        Assert.DoesNotContain("riapriamo", closed);
        Assert.Contains("(riapriamo domani alle 9)", reopening);
    }

    [Fact]
    public void Handoff_keys_follow_the_intent()
    {
        Assert.Equal("handoff_booking_request", ReplyKeys.Handoff(IntentIds.BookingRequest));
        Assert.Equal(ReplyKeys.HandoffGeneric, ReplyKeys.Handoff(IntentIds.GeneralQuestion));
        Assert.Contains("spostare l'appuntamento", ReplyTemplates.Render(ReplyKeys.Handoff(IntentIds.RescheduleRequest), "it", BusinessTone.Friendly, Business));
    }

    [Fact]
    public void An_unknown_key_without_override_throws() =>
        Assert.Throws<KeyNotFoundException>(() => ReplyTemplates.Render("no_such_key", "it", BusinessTone.Formal, Business));
}
