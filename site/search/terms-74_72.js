tracebriefSearch.terms("tr",{"troops":"k","trump":"2"});
