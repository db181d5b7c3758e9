#!/usr/bin/env python3
"""Writes the layouts corpus: exports of shops, payment processors, accounting tools, CRMs
and hand-kept sales logs, each written the way its tool writes it (columns, their order,
dates, numbers, quoting, line ends, encodings, as the tools' documentation and public
importers show them), none of them mapped by hand.

    python3 tests/layouts/make_layouts.py   (rewrites tests/layouts/*.csv and expected.json)

Every orders layout holds the same five orders, and the deals layouts the four deals of
tests/corpus, so the figures below are worked out once, by hand:

Orders (customer, date, lines):
  1001 Ann 2024-03-05  2 × 10.00 + 1 × 5.50 = 25.50   paid
  1002 Bob 2024-03-06  1 × 100.00          = 100.00  paid
  1003 Ann 2024-03-07  3 × 4.00            = 12.00   cancelled (left out)
  1004 Cy  2024-03-08  1 × 25.00 + 1 × 15.00 = 40.00 paid
  1005 Ann 2024-03-09  1 × 24.50           = 24.50   paid
so order revenue 190.00, 4 orders, average 47.50; customers Ann, Bob, Cy, of whom Ann
bought twice: repeat purchase 1 / 3.

Deals: revenue 1334.46, won 2, lost 1, pipeline 2500.50 (see tests/corpus/make_corpus.py).

tests/layouts.rs checks, for each file, the kind, the fields of the columns named in
expected.json and these figures.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = {}
ORDERS = [
    # id, customer, email, day, status, [(item, qty, price)]
    ("1001", "Ann Lee", "ann@example.com", 5, "paid", [("Mug", 2, "10.00"), ("Card", 1, "5.50")]),
    ("1002", "Bob Ray", "bob@example.com", 6, "paid", [("Lamp", 1, "100.00")]),
    ("1003", "Ann Lee", "ann@example.com", 7, "cancelled", [("Pen", 3, "4.00")]),
    ("1004", "Cy Wu", "cy@example.com", 8, "paid", [("Desk", 1, "25.00"), ("Chair", 1, "15.00")]),
    ("1005", "Ann Lee", "ann@example.com", 9, "paid", [("Book", 1, "24.50")]),
]
ORDER_FIGURES = {"order_revenue": "190.00", "orders": 4, "average_order_value": "47.50", "repeat": [1, 3]}
DEALS = [
    ("1", "Ann", "Acme", "won", "1234.56", (2024, 3, 5), (2024, 4, 10)),
    ("2", "Bob", "Beta", "lost", "800", (2024, 1, 15), (2024, 2, 20)),
    ("3", "Ann", "Gamma", "open", "2500.50", (2024, 2, 1), None),
    ("4", "Bob", "Acme", "won", "99.90", (2024, 2, 10), (2024, 3, 5)),
]
DEAL_FIGURES = {"revenue": "1334.46", "deals_won": 2, "deals_lost": 1, "pipeline_value": "2500.50"}


def cents(price, qty=1):
    whole, frac = price.split(".")
    return (int(whole) * 100 + int(frac)) * qty


def money(c, dec=".", thousands=""):
    s = f"{c // 100:,}".replace(",", thousands) + dec + f"{c % 100:02d}"
    return s


def order_total(o):
    return sum(cents(p, q) for _, q, p in o[5])


def table(header, rows, sep=",", quote_all=False):
    def q(v):
        v = str(v)
        if quote_all or any(c in v for c in (sep, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    return "".join(sep.join(q(c) for c in r) + "\n" for r in [header] + rows)


def write(name, text, why, kind, columns, figures, encoding="utf-8", newline="\n", bom=False):
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    EXPECTED[name] = {"why": why, "kind": kind, "columns": columns, "figures": figures}


def orders_layout(name, why, header, line, columns, status_words, sep=",", encoding="utf-8", newline="\n",
                  bom=False, quote_all=False, first_line_only=(), dec=".", thousands="", figures=ORDER_FIGURES,
                  cancelled=True, order_level=False):
    """One row per order line; `line(order, item, qty, price, n, fmt)` gives its cells. A tool
    with no cancelled state (`cancelled=False`) never writes order 1003, which changes no figure;
    an export of orders, not lines (`order_level=True`), writes each order's first line only."""
    rows = []
    for o in ORDERS:
        if o[4] == "cancelled" and not cancelled:
            continue
        for n, (item, qty, price) in enumerate(o[5]):
            fmt = lambda c: money(c, dec, thousands)
            cells = line(o, item, qty, price, n, fmt, status_words[o[4]])
            if n > 0:
                if order_level:
                    break
                cells = ["" if header[i] in first_line_only else c for i, c in enumerate(cells)]
            rows.append(cells)
    write(name, table(header, rows, sep, quote_all), why, "orders", columns, figures, encoding, newline, bom)


def payments():
    # Stripe's unified payments export (Dashboard › Payments › Export, default columns).
    header = ["id", "Description", "Created (UTC)", "Amount", "Amount Refunded", "Currency", "Converted Amount",
              "Fee", "Status", "Customer ID", "Customer Description", "Customer Email"]
    rows = []
    for i, o in enumerate(ORDERS):
        t = order_total(o)
        status = "Failed" if o[4] == "cancelled" else "Paid"
        rows.append([f"ch_3Ok{i}xYz", f"Order {o[0]}", f"2024-03-{o[3]:02d} 10:1{i}:00", money(t), "0.00", "usd",
                     money(t), money(t * 3 // 100), status, f"cus_{o[1].split()[0].upper()}", o[1], o[2]])
    # a charge refunded in full is left out like a cancelled order
    rows.append(["ch_3Ok9xYz", "Order 1006", "2024-03-10 09:00:00", "30.00", "30.00", "usd", "30.00", "0.90",
                 "Refunded", "cus_DEE", "Dee Fox", "dee@example.com"])
    write("stripe_payments.csv", table(header, rows), "a payments export: a charge is an order; Failed left out, "
          "a charge refunded in full left out", "orders",
          {"id": "order_id", "Created (UTC)": "order_date", "Amount": "amount", "Amount Refunded": "refunded_amount",
           "Status": "status", "Customer ID": "customer_id"}, ORDER_FIGURES)


def main():
    # Shopify: Orders › Export; one row per line item, order fields on an order's first line only.
    shop_header = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
                   "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code",
                   "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity", "Lineitem name",
                   "Lineitem price", "Lineitem compare at price", "Lineitem sku", "Billing Name", "Id"]
    first_only = {"Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
                  "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount",
                  "Shipping Method", "Billing Name"}
    orders_layout(
        "shopify_orders.csv", "Shopify: order fields on the first line of each order only, `#1001` names",
        shop_header,
        lambda o, item, q, p, n, fmt, st: [f"#{o[0]}", o[2], st, f"2024-03-{o[3]:02d} 10:15:00 +0100", "fulfilled",
                                           "", "no", "EUR", fmt(order_total(o)), "0.00", "0.00",
                                           fmt(order_total(o)), "", "0.00", "Standard",
                                           f"2024-03-{o[3]:02d} 10:15:00 +0100", q, item, p, "", "SKU-" + item,
                                           o[1], "5" + o[0] + "0771"],
        {"Id": "order_id", "Email": "customer_id", "Financial Status": "status", "Total": "amount",
         "Created at": "order_date"},
        {"paid": "paid", "cancelled": "voided"}, first_line_only=first_only)
    # WooCommerce (Customer / Order CSV Export): a row per line item, the order total on each.
    orders_layout(
        "woocommerce_orders.csv", "WooCommerce: `Order Total Amount` repeated on each line, `Email (Billing)`",
        ["Order Number", "Order Status", "Order Date", "First Name (Billing)", "Last Name (Billing)",
         "Email (Billing)", "Order Total Amount", "Item #", "Item Name", "Quantity (- Refund)", "Item Cost"],
        lambda o, item, q, p, n, fmt, st: [o[0], st, f"2024-03-{o[3]:02d} 10:15", o[1].split()[0], o[1].split()[1],
                                           o[2], fmt(order_total(o)), n + 1, item, q, p],
        {"Order Number": "order_id", "Order Status": "status", "Email (Billing)": "customer_id",
         "Order Total Amount": "amount"},
        {"paid": "Completed", "cancelled": "Cancelled"}, quote_all=True, newline="\r\n")
    # Xero: Sales › Invoices › Export; a row per invoice line, the invoice Total repeated.
    orders_layout(
        "xero_invoices.csv", "Xero: `*InvoiceNumber`, `LineAmount` beside a repeated `Total`, D/MM/YYYY",
        ["*ContactName", "EmailAddress", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "Total", "Description",
         "*Quantity", "*UnitAmount", "LineAmount", "Currency", "Status"],
        lambda o, item, q, p, n, fmt, st: [o[1], o[2], f"INV-{o[0]}", f"{o[3]}/03/2024", f"{o[3]}/04/2024",
                                           fmt(order_total(o)), item, q, p, fmt(cents(p, q)), "GBP", st],
        {"*InvoiceNumber": "order_id", "*ContactName": "customer_id", "*InvoiceDate": "order_date",
         "LineAmount": "amount", "Status": "status"},
        {"paid": "Paid", "cancelled": "Voided"})
    # Etsy: Shop Manager › Settings › Options › Download Data › Orders; MM/DD/YY dates.
    orders_layout(
        "etsy_sold_orders.csv", "Etsy: `Order Value` beside `Order Total`, MM/DD/YY",
        ["Sale Date", "Order ID", "Buyer User ID", "Full Name", "Number of Items", "Payment Method", "Currency",
         "Order Value", "Discount Amount", "Shipping", "Sales Tax", "Order Total", "Status"],
        lambda o, item, q, p, n, fmt, st: [f"03/{o[3]:02d}/24", o[0], "u" + o[1].split()[0].lower(), o[1], len(o[5]), "Etsy Payments",
                                           "USD", fmt(order_total(o)), "0", "0", "0", fmt(order_total(o)), st],
        {"Order ID": "order_id", "Sale Date": "order_date", "Order Total": "amount", "Status": "status"},
        {"paid": "Completed", "cancelled": "Canceled"}, first_line_only={"Order Value", "Order Total"})
    # Zoho Books: Sales › Invoices › Export (CSV); every line repeats the invoice's fields.
    orders_layout(
        "zoho_books_invoices.csv", "Zoho Books: `Invoice Number`, `Item Total` beside `Total`",
        ["Invoice Date", "Invoice ID", "Invoice Number", "Invoice Status", "Customer ID", "Customer Name",
         "Currency Code", "Item Name", "Quantity", "Item Price", "Item Total", "Total"],
        lambda o, item, q, p, n, fmt, st: [f"2024-03-{o[3]:02d}", "46000" + o[0], f"INV-{o[0]}", st, "cid-" + o[1].split()[0].lower(),
                                           o[1], "USD", item, q, p, fmt(cents(p, q)), fmt(order_total(o))],
        {"Invoice ID": "order_id", "Invoice Date": "order_date", "Customer ID": "customer_id",
         "Invoice Status": "status"},
        {"paid": "Paid", "cancelled": "Void"})
    # A line-item export with no amount: quantity × unit price (UCI Online Retail's layout).
    orders_layout(
        "no_amount_lines.csv", "no amount column: a line is quantity × unit price",
        ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Status"],
        lambda o, item, q, p, n, fmt, st: [o[0], "S" + item, item.upper(), q, f"2024-03-{o[3]:02d} 10:15:00", p,
                                           o[1], st],
        {"InvoiceNo": "order_id", "Quantity": "quantity", "UnitPrice": "unit_price", "CustomerID": "customer_id"},
        {"paid": "", "cancelled": "Cancelled"})
    # Sales logs kept in Excel / WPS and saved as CSV, in the users' languages.
    orders_layout(
        "sales_log_de.csv", "German Excel: `;`, Windows-1252, `1.234,56`, D.M.YYYY, `storniert`",
        ["Rechnungsnr.", "Kunde", "Rechnungsdatum", "Artikel", "Menge", "Betrag", "Status"],
        lambda o, item, q, p, n, fmt, st: [o[0], o[1], f"{o[3]:02d}.03.2024", item, q, fmt(cents(p, q)), st],
        {"Rechnungsnr.": "order_id", "Kunde": "customer_id", "Rechnungsdatum": "order_date", "Betrag": "amount",
         "Status": "status"},
        {"paid": "bezahlt", "cancelled": "storniert"}, sep=";", encoding="cp1252", newline="\r\n", dec=",",
        thousands=".")
    orders_layout(
        "sales_log_zh.csv", "Chinese WPS: GBK, `状态` 已取消",
        ["订单号", "客户", "下单日期", "商品", "数量", "金额", "状态"],
        lambda o, item, q, p, n, fmt, st: [o[0], o[1], f"2024/3/{o[3]}", item, q, fmt(cents(p, q)), st],
        {"订单号": "order_id", "客户": "customer_id", "下单日期": "order_date", "金额": "amount", "状态": "status"},
        {"paid": "已完成", "cancelled": "已取消"}, encoding="gbk", newline="\r\n")
    orders_layout(
        "sales_log_fa.csv", "Persian Excel: UTF-8 with BOM, `لغو شده`",
        ["شماره سفارش", "مشتری", "تاریخ سفارش", "کالا", "تعداد", "مبلغ", "وضعیت"],
        lambda o, item, q, p, n, fmt, st: [o[0], o[1], f"2024-03-{o[3]:02d}", item, q, fmt(cents(p, q)), st],
        {"شماره سفارش": "order_id", "مشتری": "customer_id", "تاریخ سفارش": "order_date", "مبلغ": "amount",
         "وضعیت": "status"},
        {"paid": "تحویل شده", "cancelled": "لغو شده"}, bom=True, newline="\r\n")
    orders_layout(
        "sales_log_ru.csv", "Russian Excel: `;`, `1 234,56`, DD.MM.YYYY, `Отменен`",
        ["Номер заказа", "Покупатель", "Дата заказа", "Товар", "Количество", "Сумма", "Статус"],
        lambda o, item, q, p, n, fmt, st: [o[0], o[1], f"{o[3]:02d}.03.2024", item, q, fmt(cents(p, q)), st],
        {"Номер заказа": "order_id", "Покупатель": "customer_id", "Дата заказа": "order_date", "Сумма": "amount",
         "Статус": "status"},
        {"paid": "Выполнен", "cancelled": "Отменен"}, sep=";", bom=True, newline="\r\n", dec=",", thousands=" ")
    orders_layout(
        "sales_log_ar.csv", "Arabic Excel: UTF-8 with BOM, `ملغى`",
        ["رقم الطلب", "العميل", "تاريخ الطلب", "المنتج", "الكمية", "المبلغ", "الحالة"],
        lambda o, item, q, p, n, fmt, st: [o[0], o[1], f"{o[3]:02d}/03/2024", item, q, fmt(cents(p, q)), st],
        {"رقم الطلب": "order_id", "العميل": "customer_id", "المبلغ": "amount", "الحالة": "status"},
        {"paid": "مدفوع", "cancelled": "ملغى"}, bom=True, newline="\r\n")
    orders_layout(
        "camel_case_orders.csv", "CamelCase and upper-case headers of a database dump",
        ["OrderID", "CUSTOMERNAME", "OrderDate", "ProductName", "QTY", "LineTotal", "OrderStatus"],
        lambda o, item, q, p, n, fmt, st: [o[0], o[1], f"2024-03-{o[3]:02d}", item, q, fmt(cents(p, q)), st],
        {"OrderID": "order_id", "CUSTOMERNAME": "customer_id", "OrderDate": "order_date", "LineTotal": "amount",
         "OrderStatus": "status"},
        {"paid": "Shipped", "cancelled": "Cancelled"})
    payments()
    more_orders()
    reports()
    deals()
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(EXPECTED, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


def more_orders():
    # PayPal: Activity › Download (CSV, "Completed payments", 2018 default columns), every
    # field quoted, MM/DD/YYYY, fees negative, a running Balance beside Gross and Net.
    header = ["Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Fee", "Net",
              "From Email Address", "To Email Address", "Transaction ID", "Item Title", "Item ID",
              "Reference Txn ID", "Invoice Number", "Quantity", "Receipt ID", "Balance"]
    rows, balance = [], 0
    for o in ORDERS:
        t = order_total(o)
        fee = 30 + t * 29 // 1000
        if o[4] != "cancelled":
            balance += t - fee
        rows.append([f"03/{o[3]:02d}/2024", "10:15:00", "PST", o[1], "Website Payment",
                     "Denied" if o[4] == "cancelled" else "Completed", "USD", f"{money(t, '.', ',')}",
                     f"-{money(fee)}", money(t - fee, ".", ","), o[2], "shop@example.com", f"8KX{o[0]}77J",
                     o[5][0][0], "", "", o[0], str(sum(q for _, q, _ in o[5])), "", money(balance, ".", ",")])
    write("paypal_activity.csv", table(header, rows, quote_all=True), "PayPal activity: Gross beside Fee, Net and a "
          "running Balance; Denied left out", "orders",
          {"Transaction ID": "order_id", "Date": "order_date", "Gross": "amount", "Status": "status",
           "From Email Address": "customer_id"}, ORDER_FIGURES)
    # Square: Items › Export (item detail CSV), a row per item, "$" amounts, Gross Sales per line.
    orders_layout(
        "square_items.csv", "Square item details: `Gross Sales` per line, `Transaction ID`, `$` amounts",
        ["Date", "Time", "Time Zone", "Category", "Item", "Qty", "Price Point Name", "SKU", "Gross Sales",
         "Discounts", "Net Sales", "Tax", "Transaction ID", "Payment ID", "Device Name", "Event Type", "Location",
         "Customer ID", "Customer Name"],
        lambda o, item, q, p, n, fmt, st: [f"03/{o[3]:02d}/2024", "10:15:00", "Pacific Time (US & Canada)", "Shop",
                                           item, q, "Regular", "SKU-" + item, "$" + fmt(cents(p, q)), "$0.00",
                                           "$" + fmt(cents(p, q)), "$0.00", "tx" + o[0] + "Qz", "pay" + o[0],
                                           "Counter", "Payment", "Main St", "C" + o[1].split()[0].upper(), o[1]],
        {"Transaction ID": "order_id", "Date": "order_date", "Gross Sales": "amount", "Customer ID": "customer_id",
         "Price Point Name": None},
        {"paid": "", "cancelled": ""}, cancelled=False)
    # Magento 2: Sales › Orders › Export › CSV (the order grid), formatted money, "Mar 5, 2024 10:15:00 AM".
    orders_layout(
        "magento_orders.csv", "Magento 2 order grid: `Grand Total (Base)` and `(Purchased)`, `$` amounts",
        ["ID", "Purchase Point", "Purchase Date", "Bill-to Name", "Ship-to Name", "Grand Total (Base)",
         "Grand Total (Purchased)", "Status", "Customer Email", "Customer Group", "Payment Method",
         "Total Refunded"],
        lambda o, item, q, p, n, fmt, st: ["00000" + o[0], "Main Website Main Website Store Default Store View",
                                           f"Mar {o[3]}, 2024 10:15:00 AM", o[1], o[1], "$" + fmt(order_total(o)),
                                           "$" + fmt(order_total(o)), st, o[2], "General", "Check / Money order",
                                           ""],
        {"ID": "order_id", "Purchase Date": "order_date", "Grand Total (Base)": "amount", "Status": "status",
         "Customer Email": "customer_id"},
        {"paid": "Complete", "cancelled": "Canceled"}, quote_all=True, order_level=True)
    # PrestaShop 1.7 in French: Commandes › Exporter; `;`, every field quoted, "25,50 €".
    orders_layout(
        "prestashop_fr.csv", "PrestaShop (fr): `;`, `Total` as `25,50 €`, `État` Annulé",
        ["ID", "Référence", "Nouveau client", "Livraison", "Client", "Total", "Paiement", "État", "Date"],
        lambda o, item, q, p, n, fmt, st: [o[0][-2:], "XKBKNABJK" if o[0] == "1001" else "QW" + o[0],
                                           "Oui" if o[0] in ("1001", "1002", "1004") else "Non", "France",
                                           o[1][0] + ". " + o[1].split()[1], fmt(order_total(o)) + " €",
                                           "Virement bancaire", st, f"2024-03-{o[3]:02d} 10:15:00"],
        {"ID": "order_id", "Client": "customer_id", "Total": "amount", "État": "status", "Date": "order_date"},
        {"paid": "Paiement accepté", "cancelled": "Annulé"}, sep=";", quote_all=True, dec=",", order_level=True)
    # Odoo: Sales › Orders › Export (default fields), `Salesperson` beside the customer.
    orders_layout(
        "odoo_sale_orders.csv", "Odoo sales orders: `Order Reference`, `Salesperson`, Status Sales Order/Cancelled",
        ["Order Reference", "Creation Date", "Customer", "Salesperson", "Total", "Status"],
        lambda o, item, q, p, n, fmt, st: ["S0" + o[0], f"2024-03-{o[3]:02d} 10:15:00", o[1], "Mitchell Admin",
                                           fmt(order_total(o)), st],
        {"Order Reference": "order_id", "Creation Date": "order_date", "Customer": "customer_id", "Total": "amount",
         "Status": "status"},
        {"paid": "Sales Order", "cancelled": "Cancelled"}, order_level=True)
    # SAP Business One: a Query Manager result of ORDR saved as CSV; `CANCELED` is Y/N.
    orders_layout(
        "sap_b1_orders.csv", "SAP Business One ORDR: DocNum, CardCode, DocTotal, `CANCELED` Y/N",
        ["DocEntry", "DocNum", "DocDate", "CardCode", "CardName", "DocTotal", "DocCur", "CANCELED", "DocStatus"],
        lambda o, item, q, p, n, fmt, st: [str(int(o[0]) - 1000), o[0], f"{o[3]:02d}.03.2024",
                                           "C" + o[1].split()[0].upper(), o[1], fmt(order_total(o)), "EUR", st,
                                           "C"],
        {"DocNum": "order_id", "DocDate": "order_date", "CardCode": "customer_id", "DocTotal": "amount",
         "CANCELED": "status"},
        {"paid": "N", "cancelled": "Y"}, sep=";", order_level=True)
    ebay()


def ebay():
    # eBay Seller Hub › Orders › Download report: a blank first line, a row per order with its
    # total and, for a cart of several items, the items on rows below it; "Mar-05-24" dates;
    # the count of records and the seller below the data.
    header = ["Sales Record Number", "Order Number", "Buyer Username", "Buyer Name", "Buyer Email", "Item Number",
              "Item Title", "Custom Label", "Quantity", "Sold For", "Shipping And Handling", "Total Price",
              "Payment Method", "Sale Date", "Paid On Date", "Shipped On Date", "Transaction ID"]
    rows, n = [], 0
    for o in ORDERS:
        if o[4] == "cancelled":
            continue
        t = order_total(o)
        user = o[1].split()[0].lower() + "_77"
        date = f"Mar-{o[3]:02d}-24"
        n += 1
        if len(o[5]) == 1:
            item, q, p = o[5][0]
            rows.append([str(n), f"12-1100{o[0]}-0", user, o[1], o[2], "3855" + o[0], item, "SKU-" + item, q,
                         "$" + p, "$0.00", "$" + money(t), "PayPal", date, date, date, "20" + o[0]])
        else:
            rows.append([str(n), f"12-1100{o[0]}-0", user, o[1], o[2], "", "", "", sum(q for _, q, _ in o[5]),
                         "", "$0.00", "$" + money(t), "PayPal", date, date, date, ""])
            for item, q, p in o[5]:
                rows.append([str(n), f"12-1100{o[0]}-0", user, "", "", "3855" + o[0] + item[0], item,
                             "SKU-" + item, q, "$" + p, "", "", "", date, "", "", "20" + o[0] + item[0]])
    text = '""\n' + table(header, rows, quote_all=True) + '""\n"4 record(s) downloaded,from Mar-01-24 to Mar-31-24"\n' \
        '"Seller ID : oak_and_ink"\n'
    write("ebay_orders.csv", text, "eBay orders report: blank first line, an order row above its items, a "
          "record count and the seller below", "orders",
          {"Order Number": "order_id", "Buyer Name": "customer_id", "Total Price": "amount",
           "Sale Date": "order_date"}, ORDER_FIGURES, newline="\r\n")


def reports():
    # QuickBooks Online: Reports › Sales by Customer Detail › Export to CSV. Title lines, a
    # header whose first cell is blank, each customer's name alone on a row above its lines,
    # `Total for …` after them, `TOTAL` at the end, the basis and time of the report below.
    header = ["", "Date", "Transaction Type", "Num", "Product/Service", "Memo/Description", "Qty", "Sales Price",
              "Amount", "Balance"]
    rows, grand = [], 0
    for who in ("Ann Lee", "Bob Ray", "Cy Wu"):
        rows.append([who] + [""] * 9)
        balance = 0
        for o in ORDERS:
            if o[1] != who or o[4] == "cancelled":
                continue
            for item, q, p in o[5]:
                balance += cents(p, q)
                rows.append(["", f"03/{o[3]:02d}/2024", "Invoice", o[0], item, "", q, p, money(cents(p, q), ".", ","),
                             money(balance, ".", ",")])
        grand += balance
        rows.append([f"Total for {who}"] + [""] * 7 + [money(balance, ".", ","), ""])
    rows.append(["TOTAL"] + [""] * 7 + [money(grand, ".", ","), ""])
    text = "Sales by Customer Detail\nCraig's Design and Landscaping Services\n\"March 1-31, 2024\"\n\n" + \
        table(header, rows) + "\n\n\n\"Accrual basis Thursday, April 4, 2024 10:15 AM GMT-07:00\"\n"
    write("quickbooks_sales_by_customer.csv", text, "QuickBooks report: a customer's name alone above its lines, "
          "`Total for …` subtotals, a running Balance", "orders",
          {"": "customer_id", "Num": "order_id", "Date": "order_date", "Amount": "amount"}, ORDER_FIGURES)


def deals():
    def d(t, fmt):
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
        return "" if t is None else fmt.format(y=t[0], m=t[1], d=t[2], mn=months[t[1] - 1])

    def layout(name, why, header, cells, columns, stages, sep=",", encoding="utf-8", newline="\n", bom=False,
               quote_all=False):
        rows = [cells(x, stages[x[3]]) for x in DEALS]
        write(name, table(header, rows, sep, quote_all), why, "deals", columns, DEAL_FIGURES, encoding, newline, bom)

    # Pipedrive in German: Deals › Export, every column `Deal - …`.
    layout("pipedrive_de.csv", "Pipedrive (de): `Deal - Wert`, `Deal - Status` gewonnen/verloren/offen",
           ["Deal - ID", "Deal - Titel", "Deal - Wert", "Deal - Währung", "Deal - Besitzer", "Deal - Organisation",
            "Deal - Phase", "Deal - Status", "Deal - Deal erstellt", "Deal - Zeitpunkt gewonnen",
            "Deal - Zeitpunkt verloren"],
           lambda x, st: [x[0], f"Deal {x[0]}", x[4], "EUR", x[1], x[2], "Verhandlung", st,
                          d(x[5], "{y}-{m:02d}-{d:02d} 09:00:00"),
                          d(x[6], "{y}-{m:02d}-{d:02d} 17:00:00") if x[3] == "won" else "",
                          d(x[6], "{y}-{m:02d}-{d:02d} 17:00:00") if x[3] == "lost" else ""],
           {"Deal - Wert": "amount", "Deal - Besitzer": "owner", "Deal - Organisation": "account",
            "Deal - Status": "status", "Deal - Deal erstellt": "created_date"},
           {"won": "Gewonnen", "lost": "Verloren", "open": "Offen"})
    # Salesforce opportunity reports in other languages (Reports › Export › Details only, CSV).
    sf = [("fr", ["Propriétaire de l'opportunité", "Nom du compte", "Nom de l'opportunité", "Étape", "Montant",
                  "Date de création", "Date de clôture"], "{d:02d}/{m:02d}/{y}",
           {"won": "Fermée gagnée", "lost": "Fermée perdue", "open": "Proposition"}),
          ("es", ["Propietario de oportunidad", "Nombre de la cuenta", "Nombre de la oportunidad", "Etapa",
                  "Importe", "Fecha de creación", "Fecha de cierre"], "{d:02d}/{m:02d}/{y}",
           {"won": "Cerrada ganada", "lost": "Cerrada perdida", "open": "Propuesta"}),
          ("pt", ["Proprietário da oportunidade", "Nome da conta", "Nome da oportunidade", "Fase", "Valor",
                  "Data de criação", "Data de fechamento"], "{d:02d}/{m:02d}/{y}",
           {"won": "Fechado/Ganho", "lost": "Fechado/Perdido", "open": "Proposta"}),
          ("de", ["Opportunity-Inhaber", "Accountname", "Opportunity-Name", "Phase", "Betrag", "Erstelldatum",
                  "Schlusstermin"], "{d:02d}.{m:02d}.{y}",
           {"won": "Geschlossen und gewonnen", "lost": "Geschlossen und verloren", "open": "Angebot"}),
          ("ja", ["商談 所有者", "取引先名", "商談名", "フェーズ", "金額", "作成日", "完了予定日"], "{y}/{m:02d}/{d:02d}",
           {"won": "成立", "lost": "不成立", "open": "提案"})]
    for lang, header, date, stages in sf:
        layout(f"salesforce_{lang}.csv", f"Salesforce opportunity report in {lang}: every field quoted",
               header,
               lambda x, st, date=date: [x[1], x[2], f"Opp {x[0]}", st, x[4], d(x[5], date), d(x[6] or (2024, 6, 30), date)],
               {header[0]: "owner", header[1]: "account", header[3]: "stage", header[4]: "amount",
                header[5]: "created_date"},
               stages, quote_all=True, bom=True)
    # Pipedrive in French and Spanish: the same export, every column `Affaire - …` / `Trato - …`.
    for lang, word, cols, statuses in [
        ("fr", "Affaire", ["ID", "Titre", "Valeur", "Devise", "Propriétaire", "Organisation", "Étape", "Statut",
                           "Affaire créée", "Date de gain", "Date de perte"],
         {"won": "Gagné", "lost": "Perdu", "open": "Ouvert"}),
        ("es", "Trato", ["ID", "Título", "Valor", "Moneda", "Propietario", "Organización", "Etapa", "Estado",
                         "Trato creado", "Hora de ganado", "Hora de perdido"],
         {"won": "Ganado", "lost": "Perdido", "open": "Abierto"})]:
        header = [f"{word} - {c}" for c in cols]
        layout(f"pipedrive_{lang}.csv", f"Pipedrive ({lang}): `{word} - …` columns, statuses in {lang}", header,
               lambda x, st: [x[0], f"Deal {x[0]}", x[4], "EUR", x[1], x[2], "Négociation", st,
                              d(x[5], "{y}-{m:02d}-{d:02d} 09:00:00"),
                              d(x[6], "{y}-{m:02d}-{d:02d} 17:00:00") if x[3] == "won" else "",
                              d(x[6], "{y}-{m:02d}-{d:02d} 17:00:00") if x[3] == "lost" else ""],
               {header[2]: "amount", header[4]: "owner", header[5]: "account", header[7]: "status",
                header[8]: "created_date"}, statuses)
    # HubSpot: CRM › Deals › Export (CSV, all properties of the view).
    layout("hubspot_deals.csv", "HubSpot deals: `Record ID`, `Deal Stage` Closed won/lost, `Deal owner`",
           ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount", "Pipeline", "Create Date",
            "Associated Company", "Last Activity Date"],
           lambda x, st: ["1540" + x[0], f"{x[2]} deal {x[0]}", st, d(x[6] or (2024, 6, 30), "{y}-{m:02d}-{d:02d} 17:00"),
                          x[1], x[4], "Sales Pipeline", d(x[5], "{y}-{m:02d}-{d:02d} 09:00"), x[2], ""],
           {"Record ID": "deal_id", "Deal Stage": "stage", "Deal owner": "owner", "Amount": "amount",
            "Create Date": "created_date", "Associated Company": "account"},
           {"won": "Closed won", "lost": "Closed lost", "open": "Contract sent"})
    # Zoho CRM: Deals › Export; `Expected Revenue` (amount × probability) beside `Amount`.
    prob = {"won": 100, "lost": 0, "open": 60}
    layout("zoho_crm_deals.csv", "Zoho CRM deals: `Expected Revenue` beside `Amount`, `Created Time`",
           ["Record Id", "Deal Owner", "Deal Name", "Amount", "Closing Date", "Account Name", "Stage", "Type",
            "Probability (%)", "Expected Revenue", "Created Time"],
           lambda x, st: ["zcrm_50340000001230" + x[0], x[1], f"Deal {x[0]}", x[4], d(x[6] or (2024, 6, 30), "{y}-{m:02d}-{d:02d}"),
                          x[2], st, "New Business", prob[x[3]],
                          money(cents(x[4] if "." in x[4] else x[4] + ".00") * prob[x[3]] // 100),
                          d(x[5], "{y}-{m:02d}-{d:02d} 09:00:00")],
           {"Deal Owner": "owner", "Amount": "amount", "Account Name": "account", "Stage": "stage",
            "Created Time": "created_date"},
           {"won": "Closed Won", "lost": "Closed Lost", "open": "Negotiation/Review"})
    # Airtable: the Sales CRM base's Opportunities view › Download CSV; `$1,234.56`, M/D/YYYY.
    layout("airtable_opportunities.csv", "Airtable: `Estimated value` as `$1,234.56`, `Closed—won`, M/D/YYYY",
           ["Name", "Owner", "Status", "Priority", "Estimated value", "Account", "Primary contact", "Created",
            "Expected close date"],
           lambda x, st: [f"{x[2]} – {x[0]}", x[1], st, "High", "$" + money(cents(x[4] if "." in x[4] else x[4] + ".00"), ".", ","),
                          x[2], "Jo Doe", d(x[5], "{m}/{d}/{y} 9:00am"), d(x[6] or (2024, 6, 30), "{m}/{d}/{y}")],
           {"Estimated value": "amount", "Owner": "owner", "Account": "account", "Status": "status",
            "Created": "created_date"},
           {"won": "Closed—won", "lost": "Closed—lost", "open": "Proposal"})
    # Notion: a database › Export › CSV; BOM, "March 5, 2024" dates, `$` numbers.
    layout("notion_pipeline.csv", "Notion database: `Value` as `$1,234.56`, dates as `March 5, 2024`",
           ["Name", "Stage", "Value", "Owner", "Company", "Created", "Close date"],
           lambda x, st: [f"Deal {x[0]}", st, "$" + money(cents(x[4] if "." in x[4] else x[4] + ".00"), ".", ","), x[1], x[2],
                          d(x[5], "{mn} {d}, {y} 9:00 AM"), d(x[6], "{mn} {d}, {y}")],
           {"Stage": "stage", "Value": "amount", "Owner": "owner", "Company": "account", "Created": "created_date"},
           {"won": "Won", "lost": "Lost", "open": "Proposal"}, bom=True)
    monday()


def monday():
    # monday.com: a board › Export to Excel, saved as CSV: the board's name, then each group's
    # name above its own header and items.
    header = ["Name", "Person", "Status", "Deal Value", "Account", "Created", "Close Date"]
    groups = {"Active": ["open"], "Closed": ["won", "lost"]}
    words = {"won": "Won", "lost": "Lost", "open": "Working on it"}
    text = "Sales Pipeline" + "," * 6 + "\n"
    for g, states in groups.items():
        text += g + "," * 6 + "\n" + ",".join(header) + "\n"
        for x in DEALS:
            if x[3] in states:
                close = x[6] or (2024, 6, 30)
                text += ",".join([f"Deal {x[0]}", x[1], words[x[3]], x[4], x[2],
                                  f"{x[5][0]}-{x[5][1]:02d}-{x[5][2]:02d}",
                                  f"{close[0]}-{close[1]:02d}-{close[2]:02d}"]) + "\n"
        text += "," * 6 + "\n"
    write("monday_board.csv", text, "monday.com board: the board's name, each group's name above its own header",
          "deals", {"Deal Value": "amount", "Person": "owner", "Status": "status", "Account": "account"}, DEAL_FIGURES)


main()
