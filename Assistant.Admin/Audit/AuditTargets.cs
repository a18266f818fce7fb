using System.Security.Cryptography;
using System.Text;

namespace Assistant.Admin.Audit;

/// <summary>
/// How the audit log names customers' conversations and contacts: by a hash, because conversation
/// keys carry phone numbers and the log outlives an erasure. The same input always gives the same
/// tag, so an owner can still follow one conversation through the log.
/// </summary>
public static class AuditTargets
{
    public static string Conversation(string conversationKey) => "conversation:" + Tag(conversationKey);

    public static string Contact(string businessId, string contact) => "contact:" + Tag(businessId + "\n" + contact);

    private static string Tag(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("assistant-audit\n" + value)))[..16];
}
