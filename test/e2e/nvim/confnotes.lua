-- Headless Neovim (0.7+) as a real LSP client of confnotes-language-server on one file.
-- Env: CONFNOTES_NVIM (this folder), CONFNOTES_FILE (notes to open), and common.lua's.
local common = dofile(os.getenv('CONFNOTES_NVIM') .. '/common.lua')
local result = common.result

common.run(function()
  local buf, id = common.open_notes(os.getenv('CONFNOTES_FILE'))

  local client = vim.lsp.get_client_by_id(id)
  local v = vim.version()
  result.client = 'Neovim ' .. v.major .. '.' .. v.minor .. '.' .. v.patch
  result.hierarchical = client.config.capabilities.textDocument.documentSymbol.hierarchicalDocumentSymbolSupport
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  result.symbols = common.request(buf, id, 'textDocument/documentSymbol', params)
  result.foldingRanges = common.request(buf, id, 'textDocument/foldingRange', params)
  result.links = common.request(buf, id, 'textDocument/documentLink', params)
  -- What the user sees: Neovim's own diagnostics and the symbol list rows.
  result.diagnostics = common.diagnostics(buf)
  result.symbolItems = {}
  for _, item in ipairs(vim.lsp.util.symbols_to_items(result.symbols, buf)) do
    table.insert(result.symbolItems, { lnum = item.lnum, text = item.text })
  end
  common.finish(0)
end)
