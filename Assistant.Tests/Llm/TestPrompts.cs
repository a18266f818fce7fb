using Assistant.Core.Businesses;
using Assistant.Core.Llm;
using Microsoft.Extensions.AI;

namespace Assistant.Tests.Llm;

internal static class TestPrompts
{
    public static BusinessProfile Business(BusinessTone tone = BusinessTone.Formal) => new()
    {
        Id = "studio-rossi",
        Name = "Studio Dentistico Rossi",
        PhoneNumberId = "100200300",
        Timezone = "Europe/Rome",
        Languages = ["it", "en"],
        Tone = tone,
    };

    public static readonly RagPassage[] Passages =
    [
        new("orari.md#Orari di apertura", "Lo studio è aperto dal lunedì al venerdì dalle 9:00 alle 18:00. Il sabato su appuntamento."),
        new("prezzi.md#Igiene", "Una seduta di igiene orale costa 80 €, con lo sbiancamento 150 €."),
    ];

    public static RagPromptRequest Request(string question, string language = "it", BusinessTone tone = BusinessTone.Formal) => new()
    {
        Question = question,
        Language = language,
        Business = Business(tone),
        Passages = Passages,
    };

    public static IList<ChatMessage> Messages(string question = "A che ora aprite?") => RagPromptBuilder.Build(Request(question));
}
