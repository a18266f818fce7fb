namespace Assistant.Admin.Models;

/// <summary>Credentials for <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string Email, string Password);
