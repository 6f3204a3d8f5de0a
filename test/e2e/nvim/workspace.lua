-- Headless Neovim (0.7+) using confnotes-language-server across a workspace: the folder is the
-- root, one file is open, the others are read by the server from disk.
-- Env: CONFNOTES_NVIM (this folder), CONFNOTES_ROOT (the folder), CONFNOTES_FILE (file to open), and common.lua's.
local common = dofile(os.getenv('CONFNOTES_NVIM') .. '/common.lua')
local result = common.result

common.run(function()
  local root = os.getenv('CONFNOTES_ROOT')
  vim.cmd('cd ' .. vim.fn.fnameescape(root))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CONFNOTES_FILE')))
  vim.bo.filetype = 'confnotes'
  local buf = vim.api.nvim_get_current_buf()
  local state = {}

  -- The publish after the first indexing carries the references' diagnostics.
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local id = common.start(buf, root, {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      for _, d in ipairs(params.diagnostics) do
        if d.code == 'unresolved-reference' or d.code == 'ambiguous-reference' then state.references_checked = true end
      end
      return default_publish(err, params, ctx, config)
    end,
  }, state)
  common.wait_for(state, 'no diagnostics of references', function() return state.references_checked end)

  -- What :lua vim.lsp.buf.workspace_symbol('prom wilk') lists: the rows of its quickfix list.
  local symbols = common.request(buf, id, 'workspace/symbol', { query = 'prom wilk' })
  result.symbolItems = {}
  for _, item in ipairs(vim.lsp.util.symbols_to_items(symbols, buf)) do
    table.insert(result.symbolItems, { file = vim.fn.fnamemodify(item.filename, ':t'), lnum = item.lnum, text = item.text })
  end
  result.diagnostics = common.diagnostics(buf)

  -- Go to definition as a user does it: the cursor on [[Prompt toolkits]] (line 3), then
  -- vim.lsp.buf.definition(); Neovim opens the other file at the talk's title.
  vim.api.nvim_win_set_cursor(0, { 3, 8 })
  vim.lsp.buf.definition()
  vim.wait(10000, function() return vim.api.nvim_buf_get_name(0) ~= vim.api.nvim_buf_get_name(buf) end, 20)
  result.definition = { file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'), cursor = vim.api.nvim_win_get_cursor(0) }

  -- Search Notes as the README's :ConfnotesSearch does it (that very block, CONFNOTES_SEARCH_LUA).
  dofile(os.getenv('CONFNOTES_SEARCH_LUA'))
  result.search = {}
  for _, query in ipairs({ 'unikernel', 'obd2' }) do
    vim.cmd('ConfnotesSearch ' .. query)
    local rows = {}
    for _, item in ipairs(vim.fn.getqflist()) do
      table.insert(rows, { file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(item.bufnr), ':t'), lnum = item.lnum, col = item.col, text = item.text })
    end
    result.search[query] = rows
  end
  common.finish(0)
end)
