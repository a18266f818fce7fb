using System.Net;
using System.Text;
using Assistant.Admin.Security;
using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Tests.Console;

/// <summary>The console in a real browser against the whole running graph (webhook, worker, admin, Redis).</summary>
[Collection(AssistantGraphCollection.Name)]
public sealed class ConsoleBrowserTests(AssistantGraphFixture graph) : IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = (float)ConsoleBrowser.ActionTimeout.TotalMilliseconds };

    // Replies go through the queue, a worker and the sandbox sender: allow the slow first call of a cold graph.
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private ConsoleBrowser? _browser;

    private ConsoleBrowser Browser => _browser!;

    public async Task InitializeAsync() => _browser = await ConsoleBrowser.StartAsync(graph);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }

    [Fact]
    public async Task Signing_in_opens_the_inbox_and_the_api_still_answers_an_anonymous_caller_401()
    {
        using var anonymous = new HttpClient { BaseAddress = Browser.BaseAddress };
        using (var api = await anonymous.GetAsync(new Uri("/api/businesses", UriKind.Relative)).Within())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/signin").Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Accedi").Within(ConsoleBrowser.ActionTimeout);
        await ConsoleBrowser.ScreenshotAsync(page, "signin");

        await page.Locator("#email").FillAsync(ConsoleBrowser.OwnerEmail).Within(ConsoleBrowser.ActionTimeout);
        await page.Locator("#password").FillAsync("wrong-password").Within(ConsoleBrowser.ActionTimeout);
        await page.Locator("form button[type=submit]").ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);

        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("inbox"));
        await Expect(page.Locator("#inbox-title")).ToHaveTextAsync("Conversazioni").Within(ConsoleBrowser.ActionTimeout);

        // The language switch reloads the page in English and remembers it.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator("#inbox-title")).ToHaveTextAsync("Inbox").Within(ConsoleBrowser.ActionTimeout);
        await page.GetByRole(AriaRole.Link, new() { Name = "Italiano" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator("#inbox-title")).ToHaveTextAsync("Conversazioni").Within(ConsoleBrowser.ActionTimeout);

        // Signing out ends the cookie: the console's pages send the visitor back to the sign-in page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Esci" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await page.WaitForURLAsync("**/signin**").Within(ConsoleBrowser.ActionTimeout);
        await page.GotoAsync(ConsoleBrowser.PagePath("review")).Within(ConsoleBrowser.ActionTimeout);
        await page.WaitForURLAsync("**/signin**").Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator("#email")).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
    }

    [Fact]
    public async Task An_uploaded_knowledge_file_is_what_try_it_answers_from()
    {
        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("knowledge"));

        var markdown = """
            # Sbiancamento Zefiro

            Lo sbiancamento dentale con lampada Zefiro dura 45 minuti e si fa in una sola seduta.
            """;
        await page.Locator("#knowledge-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "zefiro.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(markdown),
        }).Within(ConsoleBrowser.ActionTimeout);
        // Saving the file and listing it share the machine with the graph's other work: as long as
        // the ingestion below, not a click's 20 s.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "zefiro.md" })).ToBeVisibleAsync(new() { Timeout = 60_000 }).Within(ReplyTimeout);
        await Expect(page.Locator(".ingest .badge.done")).ToBeVisibleAsync(new() { Timeout = 60_000 }).Within(ReplyTimeout);

        // The same retrieval the worker uses finds the new file.
        await page.Locator("#ask-question").FillAsync("Quanto dura lo sbiancamento Zefiro?").Within(ConsoleBrowser.ActionTimeout);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator(".ask .passages li").First).ToContainTextAsync("zefiro.md").Within(ConsoleBrowser.ActionTimeout);
        await ConsoleBrowser.ScreenshotAsync(page, "knowledge");

        await ConsoleBrowser.GotoAsync(page, ConsoleBrowser.PagePath("try"));
        await page.Locator("#try-text").FillAsync("Quanto dura lo sbiancamento Zefiro?").Within(ConsoleBrowser.ActionTimeout);
        await page.Locator("#try-text").PressAsync("Enter").Within(ConsoleBrowser.ActionTimeout);
        var reply = page.Locator(".phone .bubble.bot").Last;
        await Expect(reply).ToContainTextAsync("45 minuti", new() { Timeout = (float)ReplyTimeout.TotalMilliseconds }).Within(ReplyTimeout + ReplyTimeout);
        await Expect(reply.Locator(".badge.source")).ToContainTextAsync("zefiro.md", new() { Timeout = 10_000 }).Within(ReplyTimeout);
        await ConsoleBrowser.ScreenshotAsync(page, "try-it");

        // The owner's test shows in the inbox as such (and is left out of the figures).
        await ConsoleBrowser.GotoAsync(page, ConsoleBrowser.PagePath("inbox"));
        await Expect(page.Locator(".conversations li .badge.test").First).ToHaveTextAsync("Prova dalla console").Within(ConsoleBrowser.ActionTimeout);
    }

    [Fact]
    public async Task Taking_over_a_conversation_and_replying_reaches_the_customer()
    {
        var customer = graph.NewCustomer("Marco Rossi");
        await customer.SendTextAsync("Buongiorno!");
        var before = await customer.WaitForRepliesAsync(1, ReplyTimeout);

        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("inbox"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Marco Rossi" }).First.ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator(".thread .bubble.customer").First).ToContainTextAsync("Buongiorno!").Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator(".thread .bubble.bot .badge.intent").First).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);

        await page.GetByRole(AriaRole.Button, new() { Name = "Prendi in carico" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restituisci all'assistente" })).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
        await page.Locator("#composer-text").FillAsync("Buongiorno Marco, domani apriamo alle 9. Le serve un appuntamento?").Within(ConsoleBrowser.ActionTimeout);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invia" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);

        var replies = await customer.WaitForRepliesAsync(before.Count + 1, ReplyTimeout);
        Assert.Equal("Buongiorno Marco, domani apriamo alle 9. Le serve un appuntamento?", replies[^1]);
        await Expect(page.Locator(".thread .bubble.agent").Last).ToContainTextAsync("domani apriamo alle 9").Within(ConsoleBrowser.ActionTimeout);
        // An internal note shows in the thread and never reaches the customer.
        await page.Locator("label.check", new() { HasText = "Nota interna" }).Locator("input").CheckAsync().Within(ConsoleBrowser.ActionTimeout);
        await page.Locator("#composer-text").FillAsync("Richiamare nel pomeriggio").Within(ConsoleBrowser.ActionTimeout);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aggiungi nota" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator(".thread .bubble.note").Last).ToContainTextAsync("Richiamare nel pomeriggio").Within(ConsoleBrowser.ActionTimeout);
        Assert.DoesNotContain("Richiamare nel pomeriggio", await customer.RepliesAsync());

        var conversation = await new ConversationStore(graph.Redis, Microsoft.Extensions.Options.Options.Create(new ConversationStoreOptions()), TimeProvider.System).GetAsync(customer.ConversationKey).Within();
        Assert.Equal(ConversationState.Human, conversation!.State);
        await ConsoleBrowser.ScreenshotAsync(page, "inbox");

        // The same page on a phone: the thread alone, with a way back to the list.
        var phone = await Browser.NewPageAsync(390, 844);
        await ConsoleBrowser.SignInAsync(phone, page.Url[page.Url.IndexOf("/b/", StringComparison.Ordinal)..]);
        await Expect(phone.Locator(".thread .bubble.agent").Last).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
        await Expect(phone.Locator(".inbox-list")).ToBeHiddenAsync().Within(ConsoleBrowser.ActionTimeout);
        await ConsoleBrowser.ScreenshotAsync(phone, "inbox-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Restituisci all'assistente" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Prendi in carico" })).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
    }

    [Fact]
    public async Task A_conversation_handed_to_a_person_says_why_in_words()
    {
        var customer = graph.NewCustomer("Elena Neri");
        await customer.SendTextAsync("Vorrei parlare con una persona, per favore");
        await customer.WaitForRepliesAsync(1, ReplyTimeout);

        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("inbox"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Elena Neri" }).First.ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        var header = page.Locator("header.thread-head");
        await Expect(header).ToContainTextAsync("Attende una persona").Within(ConsoleBrowser.ActionTimeout);
        await Expect(header).ToContainTextAsync("chiede una persona").Within(ConsoleBrowser.ActionTimeout);
        await Expect(header).Not.ToContainTextAsync("human_request").Within(ConsoleBrowser.ActionTimeout);
    }

    [Fact]
    public async Task Approving_a_draft_sends_it_to_the_customer()
    {
        var customer = graph.NewCustomer("Sara Neri");
        await customer.SendTextAsync("Buongiorno");
        var before = await customer.WaitForRepliesAsync(1, ReplyTimeout);

        // A draft as the worker leaves one when it is not confident enough.
        var draftId = "console-" + Guid.NewGuid().ToString("N");
        await new DraftStore(graph.Redis).SaveAsync(new DraftRecord
        {
            Id = draftId,
            BusinessId = ConsoleBrowser.BusinessId,
            ConversationKey = customer.ConversationKey,
            Question = "Fate anche le faccette in ceramica per Sara?",
            Text = "Sì, realizziamo faccette in ceramica dopo una visita di valutazione.",
            Confidence = 0.42,
            Intent = "service_info",
            Language = "it",
            Passages = [new DraftPassage("servizi.md", "Estetica dentale: faccette, sbiancamento.")],
            CreatedAt = DateTimeOffset.UtcNow,
        }).Within();

        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("review"));
        var card = page.Locator("article.draft", new() { HasText = "faccette in ceramica per Sara" });
        await Expect(card).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
        await ConsoleBrowser.ScreenshotAsync(page, "review");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approva e invia" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Inviata al cliente." })).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
        await Expect(card).ToBeHiddenAsync().Within(ConsoleBrowser.ActionTimeout);

        var replies = await customer.WaitForRepliesAsync(before.Count + 1, ReplyTimeout);
        Assert.Equal("Sì, realizziamo faccette in ceramica dopo una visita di valutazione.", replies[^1]);
        var draft = await new DraftStore(graph.Redis).GetAsync(draftId).Within();
        Assert.Equal(DraftStatus.Approved, draft!.Status);
    }

    [Fact]
    public async Task Editing_a_draft_sends_the_edited_text_and_rejecting_one_hands_the_conversation_over()
    {
        var customer = graph.NewCustomer("Luca Verdi");
        await customer.SendTextAsync("Salve");
        var before = await customer.WaitForRepliesAsync(1, ReplyTimeout);
        var edited = await SaveDraftAsync(customer.ConversationKey, "Quanto costa un impianto per Luca?", "Un impianto costa circa 1000 euro.");
        var rejected = await SaveDraftAsync(customer.ConversationKey, "Posso pagare in bitcoin, chiede Luca?", "Sì, accettiamo bitcoin.");

        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("review"));
        var editCard = page.Locator("article.draft", new() { HasText = "impianto per Luca" });
        await editCard.Locator("textarea").FillAsync("Un impianto parte da 1200 euro; il preventivo esatto dopo la visita.").Within(ConsoleBrowser.ActionTimeout);
        await editCard.GetByRole(AriaRole.Button, new() { Name = "Invia la versione modificata" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(editCard).ToBeHiddenAsync().Within(ConsoleBrowser.ActionTimeout);
        var replies = await customer.WaitForRepliesAsync(before.Count + 1, ReplyTimeout);
        Assert.Equal("Un impianto parte da 1200 euro; il preventivo esatto dopo la visita.", replies[^1]);

        var rejectCard = page.Locator("article.draft", new() { HasText = "bitcoin, chiede Luca" });
        await rejectCard.GetByRole(AriaRole.Button, new() { Name = "Rifiuta: passa a una persona" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(rejectCard).ToBeHiddenAsync().Within(ConsoleBrowser.ActionTimeout);

        var drafts = new DraftStore(graph.Redis);
        Assert.Equal(DraftStatus.Edited, (await drafts.GetAsync(edited).Within())!.Status);
        Assert.Equal(DraftStatus.Rejected, (await drafts.GetAsync(rejected).Within())!.Status);
        Assert.DoesNotContain("Sì, accettiamo bitcoin.", await customer.RepliesAsync());
        var conversation = await new ConversationStore(graph.Redis, Microsoft.Extensions.Options.Options.Create(new ConversationStoreOptions()), TimeProvider.System)
            .GetAsync(customer.ConversationKey).Within();
        Assert.True(conversation!.WaitingForHuman);
    }

    [Fact]
    public async Task A_draft_written_while_the_review_page_is_open_appears_without_reloading()
    {
        var customer = graph.NewCustomer("Giulia Neri");
        await customer.SendTextAsync("Salve");
        await customer.WaitForRepliesAsync(1, ReplyTimeout);

        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("review"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Da approvare").Within(ConsoleBrowser.ActionTimeout);

        // What the worker does when it holds an answer back: the draft, then its live event.
        var id = await SaveDraftAsync(customer.ConversationKey, "Fate anche le faccette, chiede Giulia?", "Sì, in due sedute.");
        await new AssistantEventPublisher(graph.Redis)
            .PublishAsync(new AssistantEvent(AssistantEvent.DraftCreated, ConsoleBrowser.BusinessId, customer.ConversationKey, id, DateTimeOffset.UtcNow))
            .Within();

        // Well inside the page's 15 s fallback poll: only the event can have brought it.
        var card = page.Locator("article.draft", new() { HasText = "faccette, chiede Giulia" });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 }).Within(ConsoleBrowser.ActionTimeout);

        await card.GetByRole(AriaRole.Button, new() { Name = "Rifiuta: passa a una persona" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(card).ToBeHiddenAsync().Within(ConsoleBrowser.ActionTimeout);
    }

    [Fact]
    public async Task Every_page_passes_the_accessibility_rules_that_matter()
    {
        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("inbox"));
        foreach (var section in new[] { "inbox", "review", "knowledge", "responses", "try", "figures", "settings" })
        {
            await ConsoleBrowser.GotoAsync(page, ConsoleBrowser.PagePath(section));
            await Expect(page.Locator("main h1")).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
            var result = await page.RunAxe().Within(ConsoleBrowser.ActionTimeout);
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
            Assert.True(serious.Count == 0, $"{section}: " + string.Join("\n", serious));
        }
    }

    [Fact]
    public async Task A_user_with_several_businesses_switches_between_them_and_an_agent_cannot_edit_knowledge()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var second = new BusinessProfile
        {
            Id = "console-test-" + suffix,
            Name = "Palestra Prova " + suffix,
            PhoneNumberId = "9990" + Random.Shared.NextInt64(100_000_000, 999_999_999),
            Timezone = "Europe/Rome",
            Languages = ["it"],
        };
        await new BusinessDirectory(graph.Redis, TimeProvider.System).UpsertAsync(second).Within();
        var agentEmail = $"agent-{suffix}@localhost";
        var users = new UserStore(graph.Redis, new PasswordHasher<AdminUser>(), TimeProvider.System);
        await users.CreateAsync(agentEmail, "Agente " + suffix, "Agent-password-1", false,
            new Dictionary<string, BusinessRole> { [ConsoleBrowser.BusinessId] = BusinessRole.Agent }).Within();
        try
        {
            var page = await Browser.NewPageAsync();
            await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("review"));
            var switcher = page.GetByLabel("Attività");
            await Expect(switcher).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
            await switcher.SelectOptionAsync(second.Id).Within(ConsoleBrowser.ActionTimeout);
            await page.WaitForURLAsync($"**/b/{second.Id}/review").Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.Locator("main h1")).ToHaveTextAsync("Da approvare").Within(ConsoleBrowser.ActionTimeout);

            // An agent of one business: no switcher, no other business, knowledge read-only.
            var agent = await Browser.NewPageAsync();
            await ConsoleBrowser.SignInAsync(agent, ConsoleBrowser.PagePath("knowledge"), agentEmail, "Agent-password-1");
            await Expect(agent.Locator("main h1")).ToHaveTextAsync("Conoscenze").Within(ConsoleBrowser.ActionTimeout);
            await agent.GetByRole(AriaRole.Button, new() { Name = "orari.md" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
            await Expect(agent.Locator("#markdown")).ToHaveAttributeAsync("readonly", "").Within(ConsoleBrowser.ActionTimeout);
            Assert.Equal(0, await agent.Locator("#knowledge-upload").CountAsync().Within());
            Assert.Equal(0, await agent.GetByRole(AriaRole.Button, new() { Name = "Salva e reindicizza" }).CountAsync().Within());
            Assert.Equal(0, await agent.Locator("#business-switcher").CountAsync().Within());
            await ConsoleBrowser.GotoAsync(agent, $"/b/{second.Id}/inbox");
            await Expect(agent.Locator("main h1")).ToHaveTextAsync("Non trovato.").Within(ConsoleBrowser.ActionTimeout);
        }
        finally
        {
            await users.DeleteAsync(AdminUser.NormalizeId(agentEmail)).Within();
            var db = graph.Redis.GetDatabase();
            await db.SetRemoveAsync(BusinessDirectory.IdsKey, second.Id).Within();
            await db.KeyDeleteAsync([BusinessDirectory.ProfileKey(second.Id), BusinessDirectory.PhoneKey(second.PhoneNumberId)]).Within();
        }
    }

    private async Task<string> SaveDraftAsync(string conversationKey, string question, string text)
    {
        var id = "console-" + Guid.NewGuid().ToString("N");
        await new DraftStore(graph.Redis).SaveAsync(new DraftRecord
        {
            Id = id,
            BusinessId = ConsoleBrowser.BusinessId,
            ConversationKey = conversationKey,
            Question = question,
            Text = text,
            Confidence = 0.4,
            Intent = "price_inquiry",
            Language = "it",
            CreatedAt = DateTimeOffset.UtcNow,
        }).Within();
        return id;
    }

    [Fact]
    public async Task A_custom_reply_saved_on_the_responses_page_is_stored_for_its_intent_and_language()
    {
        var store = new BusinessCustomizationStore(graph.Redis);
        var text = "Grazie di cuore! Lo diremo a tutto lo studio. " + Guid.NewGuid().ToString("N")[..6];
        try
        {
            var page = await Browser.NewPageAsync();
            await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("responses"));
            var row = page.Locator(".intent-row", new() { HasText = "feedback_positive" });
            await row.Locator("summary").ClickAsync().Within(ConsoleBrowser.ActionTimeout);
            await row.GetByLabel("Risposta (it); vuota = quella predefinita").FillAsync(text).Within(ConsoleBrowser.ActionTimeout);
            await row.GetByLabel("Risposta (it); vuota = quella predefinita").BlurAsync().Within(ConsoleBrowser.ActionTimeout);
            await page.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Salvato." })).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);

            var responses = await store.GetResponsesAsync(ConsoleBrowser.BusinessId).Within();
            Assert.Equal(text, responses["feedback_positive"]["it"]);
            var profile = await new BusinessDirectory(graph.Redis, TimeProvider.System).GetAsync(ConsoleBrowser.BusinessId).Within();
            Assert.Contains("urgent_issue", profile!.Handoff.AlwaysHuman);
        }
        finally
        {
            await store.SetResponseAsync(ConsoleBrowser.BusinessId, "feedback_positive", "it", null).Within();
        }
    }

    [Fact]
    public async Task Responses_figures_and_settings_pages_show_the_business()
    {
        var page = await Browser.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("responses"));
        await Expect(page.Locator(".intent-row", new() { HasText = "urgent_issue" }).Locator(".badge.waiting")).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
        await ConsoleBrowser.ScreenshotAsync(page, "responses");

        await page.GetByRole(AriaRole.Link, new() { Name = "Numeri" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator(".chart svg").First).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
        Assert.True(await page.Locator(".chart").CountAsync().Within() >= 5);
        await ConsoleBrowser.ScreenshotAsync(page, "figures");

        await page.GetByRole(AriaRole.Link, new() { Name = "Impostazioni" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator(".facts")).ToContainTextAsync("100000000000001").Within(ConsoleBrowser.ActionTimeout);
        await Expect(page.Locator(".facts .badge.done")).ToHaveTextAsync("Raggiungibile").Within(ConsoleBrowser.ActionTimeout);
        await ConsoleBrowser.ScreenshotAsync(page, "settings");
    }

    [Fact]
    public async Task A_re_engagement_template_set_on_the_settings_page_is_stored_on_the_profile_and_clearing_it_removes_it()
    {
        var directory = new BusinessDirectory(graph.Redis, TimeProvider.System);
        var original = (await directory.GetAsync(ConsoleBrowser.BusinessId).Within())!;
        try
        {
            var page = await Browser.NewPageAsync();
            await ConsoleBrowser.SignInAsync(page, ConsoleBrowser.PagePath("settings"));
            await page.GetByLabel("Nome del modello").FillAsync("ripresa_conversazione").Within(ConsoleBrowser.ActionTimeout);
            await page.GetByLabel("Codice lingua").FillAsync("it").Within(ConsoleBrowser.ActionTimeout);
            // The trailing newline an owner leaves after the last line is not a parameter.
            await page.GetByLabel("Parametri del testo").FillAsync("Studio Dentistico Aurora\ndomani alle 9\n").Within(ConsoleBrowser.ActionTimeout);
            await page.GetByLabel("Parametri del testo").BlurAsync().Within(ConsoleBrowser.ActionTimeout);
            await page.GetByRole(AriaRole.Button, new() { Name = "Salva il modello" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Salvato." })).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);

            var stored = (await directory.GetAsync(ConsoleBrowser.BusinessId).Within())!;
            Assert.Equal("ripresa_conversazione", stored.ReEngagementTemplate?.Name);
            Assert.Equal("it", stored.ReEngagementTemplate?.Language);
            Assert.Equal(["Studio Dentistico Aurora", "domani alle 9"], stored.ReEngagementTemplate?.BodyParameters ?? []);
            Assert.Equal(original.Tone, stored.Tone);

            // A fresh page shows what is stored; one half missing is refused on the page and changes nothing.
            await ConsoleBrowser.GotoAsync(page, ConsoleBrowser.PagePath("settings"));
            await Expect(page.GetByLabel("Nome del modello")).ToHaveValueAsync("ripresa_conversazione").Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.GetByLabel("Parametri del testo")).ToHaveValueAsync("Studio Dentistico Aurora\ndomani alle 9").Within(ConsoleBrowser.ActionTimeout);
            await page.GetByLabel("Codice lingua").FillAsync("").Within(ConsoleBrowser.ActionTimeout);
            await page.GetByLabel("Codice lingua").BlurAsync().Within(ConsoleBrowser.ActionTimeout);
            await page.GetByRole(AriaRole.Button, new() { Name = "Salva il modello" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Modello non salvato").Within(ConsoleBrowser.ActionTimeout);
            Assert.Equal("it", (await directory.GetAsync(ConsoleBrowser.BusinessId).Within())!.ReEngagementTemplate?.Language);

            // Both fields empty: no template, replies after 24 hours go to a person.
            await page.GetByLabel("Nome del modello").FillAsync("").Within(ConsoleBrowser.ActionTimeout);
            await page.GetByLabel("Nome del modello").BlurAsync().Within(ConsoleBrowser.ActionTimeout);
            await page.GetByRole(AriaRole.Button, new() { Name = "Salva il modello" }).ClickAsync().Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Salvato." })).ToBeVisibleAsync(Visible).Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeHiddenAsync().Within(ConsoleBrowser.ActionTimeout);
            await Expect(page.GetByLabel("Parametri del testo")).ToHaveValueAsync("").Within(ConsoleBrowser.ActionTimeout);
            Assert.Null((await directory.GetAsync(ConsoleBrowser.BusinessId).Within())!.ReEngagementTemplate);
        }
        finally
        {
            await directory.UpsertAsync(original).Within();
        }
    }
}
