using System.Net.Http.Headers;
using System.Text;
using Dossier.Cli.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Dossier.Cli.Tests.Web;

/// <summary>
/// The page in a real browser: Debian's chromium driven through chromedriver (installed by .ci/run; the
/// tests skip, saying why, where they are absent). The server listens on a free loopback port.
/// Screenshots go to $TMPDIR/dossier-screenshots.
/// </summary>
public sealed class BrowserTests : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";
    private static readonly string Screenshots = Path.Combine(Path.GetTempPath(), "dossier-screenshots");

    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-browser-").FullName;
    private WebApplication? _app;
    private ChromeDriver? _browser;

    public async ValueTask DisposeAsync()
    {
        _browser?.Quit();
        _browser?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(ChromeDriver Browser, string Address)> Start()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            Assert.Skip($"{Chromium} and {ChromeDriver} are needed (apt-get install chromium chromium-driver; .ci/run does).");
        }

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = WebServer.Build(builder, new WebOptions(Path.Combine(_folder, "web.db"), "secret"));
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Urls.First();

        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        _browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        return (_browser, address);
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"timed out waiting for {what}");
    }

    private static void Save(ChromeDriver browser, string name)
    {
        Directory.CreateDirectory(Screenshots);
        browser.GetScreenshot().SaveAsFile(Path.Combine(Screenshots, name));
    }

    private static void Analyse(ChromeDriver browser, string text)
    {
        browser.ExecuteScript("document.getElementById('article-input').value = arguments[0];", text);
        browser.ExecuteScript("document.getElementById('published-input').value = '2017-12-23';");
        browser.FindElement(By.CssSelector("#analyze-form button[type=submit]")).Click();
    }

    [Fact]
    public async Task Article_view_highlights_the_evidence_and_the_side_panel_scrolls_to_it()
    {
        var (browser, address) = await Start();
        browser.Navigate().GoToUrl(address + "/");
        Analyse(browser, await File.ReadAllTextAsync(CliRunner.Seed, TestContext.Current.CancellationToken));
        WaitFor(() => browser.FindElements(By.CssSelector("#facts li")).Count > 0, "the facts panel");
        Assert.Equal("19 sentences, 13 quotes, 5 claims", browser.FindElement(By.Id("status")).Text);
        Assert.Equal(5, browser.FindElements(By.CssSelector("mark.claim[id]")).Count);
        Assert.Contains(browser.FindElements(By.CssSelector("mark.entity-PER")), mark => mark.Text == "Zamir Kabulov");

        Save(browser, "article.png");
        var claim = browser.FindElements(By.CssSelector("#facts li")).First(item => item.Text.Contains("territory-share", StringComparison.Ordinal));
        claim.Click();
        WaitFor(() => browser.FindElements(By.CssSelector("mark.focused")).Count == 1, "the focused evidence");
        Assert.Equal("half", browser.FindElement(By.CssSelector("mark.focused")).Text);
        Save(browser, "evidence.png");
    }

    [Fact]
    public async Task Ledger_view_lists_the_claims_over_time()
    {
        var (browser, address) = await Start();
        using (var client = new HttpClient())
        using (var content = new StringContent(await File.ReadAllTextAsync(CliRunner.Seed, TestContext.Current.CancellationToken), Encoding.UTF8, new MediaTypeHeaderValue("text/plain")))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", "secret");
            var stored = await client.PostAsync(new Uri(address + "/api/documents?published=2017-12-23&outlet=RT"), content, TestContext.Current.CancellationToken);
            Assert.True(stored.IsSuccessStatusCode);
        }

        browser.Navigate().GoToUrl(address + "/");
        browser.FindElement(By.Id("show-ledger")).Click();
        WaitFor(() => browser.FindElements(By.CssSelector("#ledger-table tbody tr")).Count >= 4, "the ledger rows");
        Assert.Contains(browser.FindElements(By.CssSelector("#ledger-table tbody td")), cell => cell.Text == "as many as 10,000");
        Save(browser, "ledger.png");
    }

    [Fact]
    public async Task A_hostile_article_renders_as_text()
    {
        var (browser, address) = await Start();
        browser.Navigate().GoToUrl(address + "/");
        Analyse(browser, "Head <script>window.pwned = 1</script>\nStand <img src=x onerror=\"window.pwned = 2\">.\nBody <a href=\"javascript:window.pwned = 3\">link</a> says 10 fighters.");
        WaitFor(() => browser.FindElement(By.Id("article-text")).Text.Contains("<script>", StringComparison.Ordinal), "the article text");
        Assert.Null(browser.ExecuteScript("return window.pwned === undefined ? null : window.pwned;"));
        Assert.Empty(browser.FindElements(By.CssSelector("#article-text script, #article-text img, #article-text a")));
        Save(browser, "hostile.png");
    }
}
