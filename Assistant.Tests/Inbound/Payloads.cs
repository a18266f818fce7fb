using System.Text;

namespace Assistant.Tests.Inbound;

/// <summary>
/// Webhook bodies shaped like Meta's documentation (written for these tests). Most tests wrap one
/// message or status in the standard envelope.
/// </summary>
public static class Payloads
{
    public const string PhoneNumberId = "100200300";
    public const string CustomerPhone = "393331234567";
    public const string CustomerUserId = "IT.1234567890123456";

    public static string Envelope(string valueBody, string field = "messages", string phoneNumberId = PhoneNumberId) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"4455667788","changes":[{"field":"{{{field}}}","value":{
          "messaging_product":"whatsapp",
          "metadata":{"display_phone_number":"390612345678","phone_number_id":"{{{phoneNumberId}}}"},
          {{{valueBody}}}
        }}]}]}
        """;

    public static string Contacts(string name = "Giulia Rossi") =>
        $$$"""
        "contacts":[{"profile":{"name":"{{{name}}}"},"wa_id":"{{{CustomerPhone}}}","user_id":"{{{CustomerUserId}}}"}]
        """;

    /// <summary>One message from the customer; <paramref name="typeAndContent"/> is e.g. <c>"type":"text","text":{"body":"hi"}</c>.</summary>
    public static string Message(string id, string typeAndContent, string extra = "", string phoneNumberId = PhoneNumberId) =>
        Envelope($$$"""
            {{{Contacts()}}},
            "messages":[{"from":"{{{CustomerPhone}}}","id":"{{{id}}}","timestamp":"1760000000",{{{typeAndContent}}}{{{(extra.Length > 0 ? "," + extra : "")}}}}]
            """, phoneNumberId: phoneNumberId);

    public static string Text(string id, string body = "Buongiorno, siete aperti sabato?", string phoneNumberId = PhoneNumberId) =>
        Message(id, $$$"""
            "type":"text","text":{"body":"{{{body}}}"}
            """, phoneNumberId: phoneNumberId);

    public static string Status(string id, string status, string extra = "") =>
        Envelope($$$"""
            "statuses":[{"id":"{{{id}}}","status":"{{{status}}}","timestamp":"1760000100","recipient_id":"{{{CustomerPhone}}}"{{{(extra.Length > 0 ? "," + extra : "")}}}}]
            """);

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
