-- Headless Neovim (0.7+) using confnotes-language-server across a workspace: the folder is the
-- root, one file is open, the others are read by the server from disk.
-- Env: CONFNOTES_SERVER, CONFNOTES_ROOT (the folder), CONFNOTES_FILE (file to open), CONFNOTES_OUT.
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
  local root = os.getenv('CONFNOTES_ROOT')
  vim.cmd('cd ' .. vim.fn.fnameescape(root))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CONFNOTES_FILE')))
  vim.bo.filetype = 'confnotes' -- -u NONE: no filetype detection
  local buf = vim.api.nvim_get_current_buf()
  local state = { initialized = false, exited = false, references_checked = false }

  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local id = vim.lsp.start_client({
    name = 'confnotes',
    cmd = { os.getenv('CONFNOTES_SERVER'), '--stdio' },
    root_dir = root,
    get_language_id = function() return 'confnotes' end,
    handlers = {
      -- The publish after the first indexing carries the references' diagnostics.
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        for _, d in ipairs(params.diagnostics) do
          if d.code == 'unresolved-reference' or d.code == 'ambiguous-reference' then state.references_checked = true end
        end
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
  if not vim.wait(10000, function() return state.references_checked or state.exited end, 20) or state.exited then
    result.error = 'no diagnostics of references'
    return finish(2)
  end

  local function request(method, params)
    local responses = vim.lsp.buf_request_sync(buf, method, params, 10000)
    local response = responses and responses[id]
    if not response or response.err then error(method .. ' failed: ' .. vim.inspect(response and response.err)) end
    return response.result
  end

  -- What :lua vim.lsp.buf.workspace_symbol('prom wilk') lists: the rows of its quickfix list.
  local symbols = request('workspace/symbol', { query = 'prom wilk' })
  result.symbolItems = {}
  for _, item in ipairs(vim.lsp.util.symbols_to_items(symbols, buf)) do
    table.insert(result.symbolItems, { file = vim.fn.fnamemodify(item.filename, ':t'), lnum = item.lnum, text = item.text })
  end

  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code })
  end

  -- Go to definition as a user does it: the cursor on [[Prompt toolkits]] (line 3), then
  -- vim.lsp.buf.definition(); Neovim opens the other file at the talk's title.
  vim.api.nvim_win_set_cursor(0, { 3, 8 })
  vim.lsp.buf.definition()
  vim.wait(10000, function() return vim.api.nvim_buf_get_name(0) ~= vim.api.nvim_buf_get_name(buf) end, 20)
  result.definition = { file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'), cursor = vim.api.nvim_win_get_cursor(0) }
  finish(0)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  result.error = tostring(err)
  finish(1)
end
