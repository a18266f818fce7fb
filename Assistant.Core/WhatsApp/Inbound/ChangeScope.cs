namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>What every message and status of one change shares.</summary>
internal sealed record ChangeScope(
    string? WabaId,
    string PhoneNumberId,
    string? DisplayPhoneNumber,
    IReadOnlyList<ContactIdentity> Contacts,
    IReadOnlyList<WhatsAppError> Errors,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// Matches a message's sender to <c>value.contacts</c>: by phone, else by BSUID, else the only
    /// contact. What the message itself says wins over the contact entry.
    /// </summary>
    public ContactIdentity Identify(string? phone, string? userId)
    {
        ContactIdentity? match = null;
        foreach (var contact in Contacts)
        {
            if ((phone is not null && contact.WaId == phone) || (userId is not null && contact.UserId == userId))
            {
                match = contact;
                break;
            }
        }
        match ??= Contacts.Count == 1 && (phone is null || Contacts[0].WaId is null) ? Contacts[0] : null;
        if (match is null)
        {
            return phone is null && userId is null ? ContactIdentity.Unknown : new ContactIdentity { WaId = phone, UserId = userId };
        }
        return match with { WaId = phone ?? match.WaId, UserId = userId ?? match.UserId };
    }
}
