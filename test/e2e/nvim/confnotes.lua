-- Headless Neovim (0.7+) as a real LSP client of confnotes-language-server.
-- Env: CONFNOTES_SERVER (the server bin), CONFNOTES_FILE (notes to open), CONFNOTES_OUT (JSON result).
local out_path = os.getenv('CONFNOTES_OUT')
local result = {}

local function finish(code)
  local f = io.open(out_path, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CONFNOTES_FILE')))
  vim.bo.filetype = 'confnotes' -- -u NONE: no filetype detection
  local buf = vim.api.nvim_get_current_buf()
  local state = { initialized = false, exited = false, published = nil }

  -- Record publishDiagnostics itself (an empty publish is an answer too), then let Neovim handle it.
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local id = vim.lsp.start_client({
    name = 'confnotes',
    cmd = { os.getenv('CONFNOTES_SERVER'), '--stdio' },
    root_dir = vim.fn.getcwd(),
    get_language_id = function() return 'confnotes' end,
    capabilities = vim.lsp.protocol.make_client_capabilities(), -- Neovim's defaults, made explicit to read them back
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        state.published = params
        return default_publish(err, params, ctx, config)
      end,
    },
    on_init = function() state.initialized = true end,
    on_exit = function() state.exited = true end,
  })
  vim.lsp.buf_attach_client(buf, id)
  if not vim.wait(10000, function() return state.initialized or state.exited end, 20) or state.exited then
    result.error = 'server did not initialize'
    return finish(2)
  end
  if not vim.wait(10000, function() return state.published ~= nil or state.exited end, 20) or state.exited then
    result.error = 'no publishDiagnostics'
    return finish(2)
  end

  local client = vim.lsp.get_client_by_id(id)
  local v = vim.version()
  result.client = 'Neovim ' .. v.major .. '.' .. v.minor .. '.' .. v.patch
  result.hierarchical = client.config.capabilities.textDocument.documentSymbol.hierarchicalDocumentSymbolSupport
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  local function request(method)
    local responses = vim.lsp.buf_request_sync(buf, method, params, 10000)
    local response = responses and responses[id]
    if not response or response.err then error(method .. ' failed: ' .. vim.inspect(response and response.err)) end
    return response.result
  end
  result.symbols = request('textDocument/documentSymbol')
  result.foldingRanges = request('textDocument/foldingRange')
  result.links = request('textDocument/documentLink')
  -- What the user sees: Neovim's own diagnostics (0-based lnum/col) and the symbol list rows.
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, code = d.code, message = d.message })
  end
  result.symbolItems = {}
  for _, item in ipairs(vim.lsp.util.symbols_to_items(result.symbols, buf)) do
    table.insert(result.symbolItems, { lnum = item.lnum, text = item.text })
  end
  finish(0)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  result.error = tostring(err)
  finish(1)
end
