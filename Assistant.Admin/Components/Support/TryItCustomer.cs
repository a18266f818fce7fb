using System.Globalization;
using System.Security.Cryptography;
using Assistant.Core.Conversations;

namespace Assistant.Admin.Components.Support;

/// <summary>
/// The made-up customer of one "Try it" panel: a number in a range no real Italian mobile uses
/// (<see cref="ConsoleTestContact.PhonePrefix"/>), new for every panel, so each test starts a fresh
/// conversation and none of them counts in the business's figures.
/// </summary>
public sealed record TryItCustomer(string Phone, string Name)
{
    public static TryItCustomer New(string name) =>
        new(ConsoleTestContact.PhonePrefix + RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture), name);

    public string ConversationKey(string businessId) => $"{businessId}:{Phone}";
}
